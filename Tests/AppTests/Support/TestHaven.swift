import Fluent
import Foundation
import HavenDomain
import HavenVault
import SQLKit
import Testing
import Vapor

@testable import App

/// Which database a test runs on: SQLite always, PostgreSQL when `HAVEN_TEST_POSTGRES_URL` is set.
enum TestDatabase: Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres(String)

    static let postgresURL = ProcessInfo.processInfo.environment["HAVEN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// SQLite, plus PostgreSQL when configured: store and auth tests take this as their arguments.
    static var all: [TestDatabase] { [.sqlite] + (postgresURL.map { [.postgres($0)] } ?? []) }

    var testDescription: String {
        switch self {
        case .sqlite: return "SQLite"
        case .postgres: return "PostgreSQL"
        }
    }
}

/// Cheap scrypt settings for tests; a dedicated test checks the production ones.
let testKDF = KDFParameters(logN: 10, r: 8, p: 1)

/// A password that passes the policy.
let goodPassword = "violet harbour lantern 42"

/// A running Haven on a real loopback port with its own database and data directory.
struct TestHaven {
    let app: Application
    let baseURL: String
    let dataDirectory: URL

    var db: any Database { app.db }

    /// A browser with its own cookie jar.
    func browser() -> Browser { Browser(client: app.http.client.shared, baseURL: baseURL) }

    /// Completes setup directly (no browser) and returns the administrator's credentials and the recovery key text.
    @discardableResult
    func setUp(email: String = "admin@example.org", password: String = goodPassword) async throws -> (
        email: String, password: String, recoveryKey: String
    ) {
        let pending = try await app.haven.setup.prepare(
            organisationName: "Test Organisation", email: EmailAddress(email)!, password: password)
        _ = try await app.haven.setup.commit(pending, actor: "test", on: app.db)
        return (email, password, pending.recoveryKeyText)
    }

    /// A staff member as the services see them after sign-in, unlocked with their password (for tests that call a
    /// service directly, e.g. to schedule to the second).
    func staff(email: String = "admin@example.org", password: String = goodPassword) async throws -> SignedInStaff {
        let user = try #require(try await app.haven.accounts.authenticate(email: email, password: password, code: "", on: app.db))
        return SignedInStaff(id: user.id, role: user.role, privateKey: user.privateKey)
    }

    /// Submits an anonymous report straight to the intake service, as the report form does once it has read the form.
    @discardableResult
    func submitReport(_ submission: ReportSubmission, files: [IncomingFile] = []) async throws -> HumanCode {
        try await app.haven.intake.submit(submission, files: files, on: app.db)
    }

    /// Signs in and returns the browser, following the redirect to the dashboard.
    func signedInBrowser(email: String = "admin@example.org", password: String = goodPassword, code: String = "") async throws -> Browser {
        let browser = browser()
        let response = try await browser.submit("/login", ["email": email, "password": password, "code": code])
        #expect(response.status == .seeOther, "sign-in failed for \(email)")
        return browser
    }

    /// Invites a user as `admin` and lets them choose `password`; returns their id.
    func addUser(email: String, role: StaffRole, password: String = goodPassword, by admin: Browser) async throws -> UUID {
        let done = try await admin.submit("/app/admin/users/invite", ["email": email, "role": role.rawValue])
        #expect(done.status == .created)
        let code = try #require(done.shownCode)
        let newcomer = browser()
        let welcomed = try await newcomer.submit("/welcome", ["code": code, "password": password, "passwordConfirmation": password])
        #expect(welcomed.status == .seeOther)
        let user = try #require(try await User.find(on: db, emailLookup: app.haven.lookupKey.emailLookup(email)))
        return try user.requireID()
    }

    /// Runs a console command with scripted standard input; returns what it printed.
    func run(_ command: any AnyAsyncCommand, _ arguments: [String], input: [String] = []) async throws -> String {
        let console = ScriptedConsole(lines: input)
        var context = CommandContext(console: console, input: CommandInput(arguments: ["haven"] + arguments))
        context.application = app
        try await console.run(command, with: context)
        return console.printed
    }
}

/// Builds a Haven for one test, serves it on 127.0.0.1 on a free port, and tears it all down afterwards.
func withHaven(
    _ database: TestDatabase = .sqlite, file: Bool = false,
    adjust: (inout HavenConfiguration) -> Void = { _ in },
    _ body: (TestHaven) async throws -> Void
) async throws {
    let place = TestPlace.make(database, file: file)
    var configuration = place.configuration
    adjust(&configuration)
    try await place.createSchema()
    do {
        try await serveHaven(configuration, body)
    } catch {
        await place.remove()
        throw error
    }
    await place.remove()
}

/// Where a test's Haven keeps its data: a temporary data directory, and a PostgreSQL schema of its own.
struct TestPlace: Sendable {
    let directory: URL
    let database: TestDatabase
    let schema: String
    let file: Bool

    static func make(_ database: TestDatabase, file: Bool = true) -> TestPlace {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("haven-test-\(UUID().uuidString)", isDirectory: true)
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        return TestPlace(directory: directory, database: database, schema: String(schema), file: file)
    }

    var configuration: HavenConfiguration {
        let storage: HavenConfiguration.Storage
        switch database {
        case .sqlite: storage = .sqlite(path: file ? directory.appendingPathComponent("haven.sqlite").path : nil)
        case .postgres(let url): storage = .postgres(url: url, searchPath: [schema])
        }
        return HavenConfiguration(dataDirectory: directory, storage: storage, logLevel: .warning, kdfParameters: testKDF)
    }

    /// Makes the (empty) PostgreSQL schema.
    func createSchema() async throws {
        guard case .postgres = database else { return }
        try await withPlainDatabase { try await $0.raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
    }

    /// Removes the data directory and the schema.
    func remove() async {
        if case .postgres = database {
            try? await withPlainDatabase { try await $0.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private func withPlainDatabase(_ body: (any SQLDatabase) async throws -> Void) async throws {
        guard case .postgres(let url) = database else { return }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try useDatabase(app, .postgres(url: url, searchPath: nil))
            try await body(app.db as! any SQLDatabase)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// Serves a Haven with `configuration` (its storage already in place) for `body`, then shuts it down; the data stays.
func serveHaven(_ configuration: HavenConfiguration, _ body: (TestHaven) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    app.http.client.configuration.redirectConfiguration = .disallow
    // Kept-alive connections are let go before any server idle timeout a test sets, as browsers do.
    app.http.client.configuration.connectionPool.idleTimeout = .milliseconds(900)
    do {
        try configure(app, configuration: configuration)
        try await app.prepareStorage()
        try await app.asyncBoot()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = try #require(app.http.server.shared.localAddress?.port)
        try await body(TestHaven(app: app, baseURL: "http://127.0.0.1:\(port)", dataDirectory: configuration.dataDirectory))
    } catch {
        await app.server.shutdown()
        try? await app.asyncShutdown()
        throw error
    }
    await app.server.shutdown()
    try? await app.asyncShutdown()
}

/// A console that answers `input` from a script and records what is printed.
final class ScriptedConsole: Console, @unchecked Sendable {
    private var lines: [String]
    private(set) var printed = ""
    var userInfo: [AnySendableHashable: any Sendable] = [:]
    var size: (width: Int, height: Int) { (120, 40) }

    init(lines: [String]) { self.lines = lines }

    func input(isSecure: Bool) -> String { lines.isEmpty ? "" : lines.removeFirst() }
    func output(_ text: ConsoleText, newLine: Bool) { printed += text.description + (newLine ? "\n" : "") }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) { printed += error + (newLine ? "\n" : "") }
}
