import Foundation
import HavenVault
import Logging

/// Everything Haven reads from its environment, read once at start; a bad value names its variable.
public struct HavenConfiguration: Sendable {
    /// Where Haven keeps its database.
    public enum Storage: Sendable, Equatable {
        /// A SQLite file, or an in-memory database (tests) when the path is nil.
        case sqlite(path: String?)
        case postgres(url: String, searchPath: [String]?)

        /// The name `/health` reports.
        var name: String {
            switch self {
            case .sqlite: return "sqlite"
            case .postgres: return "postgresql"
            }
        }
    }

    public var dataDirectory: URL
    public var storage: Storage
    /// The public origin, e.g. `https://haven.example.org`; nil when Haven is reached directly.
    public var publicURL: URL?
    public var logLevel: Logger.Level
    public var sessionIdleTimeout: TimeInterval
    public var sessionAbsoluteTimeout: TimeInterval
    public var kdfParameters: KDFParameters
    /// How many scrypt runs may run at once; the rest wait.
    public var concurrentKDFRuns: Int
    /// The largest request body accepted (forms without files).
    public var maximumBodyBytes: Int
    /// The largest file a reporter may attach.
    public var maximumAttachmentBytes: Int
    /// How many files one report or message may carry.
    public var maximumAttachments: Int
    /// The largest evidence file staff may upload (`HAVEN_EVIDENCE_MAX_MB`, default 100).
    public var evidenceMaximumBytes: Int
    /// Where the "leave this site quickly" link on public pages goes.
    public var quickExitURL: String
    /// Closed reports are deleted after this many days without activity; nil keeps them.
    public var closedReportRetentionDays: Int?
    /// Closed cases have their personal data erased after this many days without activity; nil (the default) keeps them.
    public var closedCaseRetentionDays: Int?
    /// Whether anonymous intake is rate limited per client and overall (off only for benchmarks).
    public var limitsIntake: Bool
    /// How many large uploads (evidence) may run at once; more are refused with 503 at once.
    public var concurrentUploads = 4
    /// How many intake forms with files may stream in at once.
    public var concurrentIntakeUploads = 8
    /// The longest an upload's body may take to arrive.
    public var uploadDeadline: Duration = .seconds(30 * 60)
    /// A connection that sends and receives nothing this long is closed.
    public var connectionIdleTimeout: Duration = .seconds(60)
    /// Proxies whose `X-Forwarded-For` is believed (`HAVEN_TRUSTED_PROXY`); none by default.
    var trustedProxies: [AddressRange] = []
    /// How long an intake session must exist before its report draws on the larger share of the overall budget
    /// (a person takes longer than this to write anything; a flood of new sessions does not).
    public var intakePatience: TimeInterval = 15
    /// Where the server writes a backup once a day (`HAVEN_BACKUP_DIR`); nil writes none.
    public var backupDirectory: URL?
    /// How many scheduled backups are kept there (`HAVEN_BACKUP_KEEP`, default 14); older ones are deleted.
    public var backupsKept = 14
    /// The SMTP server notices go out through (`HAVEN_SMTP_URL`, `HAVEN_SMTP_FROM`, `HAVEN_SMTP_CA_FILE`); nil for none.
    public var smtp: SMTPSettings?
    /// Counts below this are hidden in tables protected for sharing (`HAVEN_STATISTICS_THRESHOLD`, default 5).
    public var statisticsThreshold = 5

    /// The cookie gets `Secure` when the public URL is https.
    var isHTTPS: Bool { publicURL?.scheme == "https" }

    public init(
        dataDirectory: URL, storage: Storage, publicURL: URL? = nil, logLevel: Logger.Level = .info,
        sessionIdleTimeout: TimeInterval = 30 * 60, sessionAbsoluteTimeout: TimeInterval = 12 * 3600,
        kdfParameters: KDFParameters = .production, concurrentKDFRuns: Int = 2, maximumBodyBytes: Int = 1 << 20,
        maximumAttachmentBytes: Int = 10 << 20, maximumAttachments: Int = 5, evidenceMaximumBytes: Int = 100 << 20,
        quickExitURL: String = "https://www.wikipedia.org/", closedReportRetentionDays: Int? = 90,
        closedCaseRetentionDays: Int? = nil, limitsIntake: Bool = true
    ) {
        self.dataDirectory = dataDirectory
        self.storage = storage
        self.publicURL = publicURL
        self.logLevel = logLevel
        self.sessionIdleTimeout = sessionIdleTimeout
        self.sessionAbsoluteTimeout = sessionAbsoluteTimeout
        self.kdfParameters = kdfParameters
        self.concurrentKDFRuns = concurrentKDFRuns
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumAttachmentBytes = maximumAttachmentBytes
        self.maximumAttachments = maximumAttachments
        self.evidenceMaximumBytes = evidenceMaximumBytes
        self.quickExitURL = quickExitURL
        self.closedReportRetentionDays = closedReportRetentionDays
        self.closedCaseRetentionDays = closedCaseRetentionDays
        self.limitsIntake = limitsIntake
    }

    /// Reads `HAVEN_*` variables; throws `ConfigurationError` naming the first bad one.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> HavenConfiguration {
        let dataDirectory = URL(fileURLWithPath: environment["HAVEN_DATA_DIR"] ?? "./data", isDirectory: true).standardizedFileURL
        var storage = Storage.sqlite(path: dataDirectory.appendingPathComponent("haven.sqlite").path)
        if let url = environment["HAVEN_DATABASE_URL"], !url.isEmpty {
            guard let parsed = URL(string: url), ["postgres", "postgresql"].contains(parsed.scheme ?? ""),
                parsed.host != nil, !parsed.path.dropFirst().isEmpty
            else {
                throw ConfigurationError(
                    variable: "HAVEN_DATABASE_URL",
                    problem: "expected postgres://user:password@host:port/database")
            }
            storage = .postgres(url: url, searchPath: nil)
        }
        var publicURL: URL?
        if let text = environment["HAVEN_PUBLIC_URL"], !text.isEmpty {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ConfigurationError(variable: "HAVEN_PUBLIC_URL", problem: "expected an http:// or https:// address")
            }
            publicURL = url
        }
        var logLevel = Logger.Level.info
        if let text = environment["HAVEN_LOG_LEVEL"], !text.isEmpty {
            guard let level = Logger.Level(rawValue: text.lowercased()) else {
                throw ConfigurationError(
                    variable: "HAVEN_LOG_LEVEL",
                    problem: "expected one of trace, debug, info, notice, warning, error, critical")
            }
            logLevel = level
        }
        var quickExit = "https://www.wikipedia.org/"
        if let text = environment["HAVEN_QUICK_EXIT_URL"], !text.isEmpty {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ConfigurationError(variable: "HAVEN_QUICK_EXIT_URL", problem: "expected an http:// or https:// address")
            }
            quickExit = text
        }
        var trustedProxies: [AddressRange] = []
        if let text = environment["HAVEN_TRUSTED_PROXY"], !text.isEmpty {
            for item in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
                guard let range = AddressRange(String(item)) else {
                    throw ConfigurationError(
                        variable: "HAVEN_TRUSTED_PROXY",
                        problem: "expected IP addresses or ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8")
                }
                trustedProxies.append(range)
            }
        }
        let attachmentMegabytes = try number(environment, "HAVEN_ATTACHMENT_MAX_MB", default: 10, range: 1...1024)
        let evidenceMegabytes = try number(environment, "HAVEN_EVIDENCE_MAX_MB", default: 100, range: 1...4096)
        let retention = try number(environment, "HAVEN_RETAIN_CLOSED_REPORTS_DAYS", default: 90, range: 0...36_500)
        let caseRetention = try number(environment, "HAVEN_RETAIN_CLOSED_CASES_DAYS", default: 0, range: 0...36_500)
        let idle = try minutes(environment, "HAVEN_SESSION_IDLE_MINUTES", default: 30)
        let absolute = try minutes(environment, "HAVEN_SESSION_MAX_HOURS", default: 12) * 60
        var configuration = HavenConfiguration(
            dataDirectory: dataDirectory, storage: storage, publicURL: publicURL, logLevel: logLevel, sessionIdleTimeout: idle,
            sessionAbsoluteTimeout: absolute, maximumAttachmentBytes: attachmentMegabytes << 20,
            evidenceMaximumBytes: evidenceMegabytes << 20,
            quickExitURL: quickExit, closedReportRetentionDays: retention == 0 ? nil : retention,
            closedCaseRetentionDays: caseRetention == 0 ? nil : caseRetention)
        configuration.trustedProxies = trustedProxies
        if let text = environment["HAVEN_BACKUP_DIR"], !text.isEmpty {
            configuration.backupDirectory = URL(fileURLWithPath: text, isDirectory: true).standardizedFileURL
        }
        configuration.backupsKept = try number(environment, "HAVEN_BACKUP_KEEP", default: 14, range: 1...3_650)
        configuration.statisticsThreshold = try number(environment, "HAVEN_STATISTICS_THRESHOLD", default: 5, range: 2...100)
        if let text = environment["HAVEN_SMTP_URL"], !text.isEmpty {
            let roots = environment["HAVEN_SMTP_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 }
            guard let settings = SMTPSettings.parse(url: text, from: environment["HAVEN_SMTP_FROM"] ?? "", extraTrustRoots: roots) else {
                throw ConfigurationError(
                    variable: "HAVEN_SMTP_URL",
                    problem: "expected smtp://user:password@host:587 (STARTTLS is required) and HAVEN_SMTP_FROM=haven@example.org")
            }
            guard publicURL != nil else {
                throw ConfigurationError(variable: "HAVEN_PUBLIC_URL", problem: "notices by e-mail link to Haven: set its public address")
            }
            configuration.smtp = settings
        }
        return configuration
    }

    private static func minutes(_ environment: [String: String], _ name: String, default value: Int) throws -> TimeInterval {
        TimeInterval(try number(environment, name, default: value, range: 1...10_000) * 60)
    }

    private static func number(_ environment: [String: String], _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = environment[name], !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw ConfigurationError(variable: name, problem: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
