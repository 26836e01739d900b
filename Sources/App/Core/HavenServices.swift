import Crypto
import Fluent
import Foundation
import HavenVault
import NIOPosix
import Vapor

/// Haven's services, built once in `configure` with their dependencies and reached as `req.haven.<service>`. Each
/// service is a value that names what it depends on; none takes the `Application`.
final class HavenServices: Sendable {
    let configuration: HavenConfiguration
    let sessions: SessionStore
    let rateLimiter = RateLimiter()
    let audit = AuditLog()
    let scrubber: RemovedTextScrubber
    let lookupKey: LookupKey
    /// Keys the receipt-code lookup hashes; kept in `keys/receipt.key`, outside the database.
    let receiptKey: SymmetricKey
    let localization: Localization
    let vocabularies: VocabularyStore
    let recordedCountries = RecordedCountries()
    let publicPages = PublicPages()
    let siteIdentity = SiteIdentityStore()
    let instance = InstanceState()
    /// Sealed files under the data directory.
    let files: SealedFiles
    /// Large uploads at once (evidence): more are refused at once with 503, never queued holding connections.
    let uploads: AsyncGate
    /// Reports and replies with files at once.
    let intakeUploads: AsyncGate
    let keys: KeyDerivation
    let access: RecordAccess
    let colleagues: Colleagues
    let accounts: Accounts
    let setup: OrganisationSetup
    let intake: Intake
    let handover: ReportHandover
    let cases: Casework
    let persons: Persons
    let evidence: EvidenceStore
    let proceedings: LegalProceedings
    let incidents: Incidents
    let publishing: Publishing
    let ingest: IngestDrafts
    let notifications: Notifications
    let notices: NoticeMailer
    let statistics: Statistics
    let releases: StatisticsReleases
    let caseStatistics: CaseStatistics
    let retention: Retention
    let backups: Backups
    let exports: Exports

    init(
        configuration: HavenConfiguration, lookupKey: LookupKey, receiptKey: SymmetricKey, noticesKey: SymmetricKey,
        localization: Localization, threadPool: NIOThreadPool, eventLoopGroup: any EventLoopGroup, logger: Logger
    ) {
        self.configuration = configuration
        scrubber = RemovedTextScrubber(logger: logger)
        vocabularies = VocabularyStore(audit: audit)
        sessions = SessionStore(idleTimeout: configuration.sessionIdleTimeout, absoluteTimeout: configuration.sessionAbsoluteTimeout)
        self.lookupKey = lookupKey
        self.receiptKey = receiptKey
        self.localization = localization
        files = SealedFiles(dataDirectory: configuration.dataDirectory)
        uploads = AsyncGate(limit: configuration.concurrentUploads, maximumWaiting: 0)
        intakeUploads = AsyncGate(limit: configuration.concurrentIntakeUploads, maximumWaiting: 0)
        keys = KeyDerivation(
            gate: AsyncGate(limit: configuration.concurrentKDFRuns), threadPool: threadPool, parameters: configuration.kdfParameters)
        access = RecordAccess(audit: audit)
        colleagues = Colleagues(access: access)
        accounts = Accounts(
            audit: audit, access: access, colleagues: colleagues, lookupKey: lookupKey, keys: keys, sessions: sessions,
            instance: instance)
        setup = OrganisationSetup(audit: audit, access: access, lookupKey: lookupKey, keys: keys, instance: instance)
        intake = Intake(audit: audit, access: access, files: files, receiptKey: receiptKey, scrubber: scrubber)
        evidence = EvidenceStore(audit: audit, files: files)
        handover = ReportHandover(audit: audit, access: access, intake: intake, evidence: evidence, files: files)
        cases = Casework(audit: audit, access: access, intake: intake, handover: handover, scrubber: scrubber)
        persons = Persons(audit: audit, lookupKey: lookupKey)
        proceedings = LegalProceedings(audit: audit)
        incidents = Incidents(
            audit: audit, access: access, persons: persons, evidence: evidence, proceedings: proceedings, lookupKey: lookupKey,
            vocabularies: vocabularies, recordedCountries: recordedCountries, publicPages: publicPages, scrubber: scrubber)
        publishing = Publishing(audit: audit, publicPages: publicPages, identity: siteIdentity)
        ingest = IngestDrafts(incidents: incidents)
        notifications = Notifications(access: access, intake: intake, incidents: incidents)
        notices = NoticeMailer(
            settings: configuration.smtp, publicURL: configuration.publicURL, key: noticesKey, group: eventLoopGroup, logger: logger,
            recent: RecentNotices())
        statistics = Statistics(threshold: configuration.statisticsThreshold)
        releases = StatisticsReleases(statistics: statistics, audit: audit)
        caseStatistics = CaseStatistics(statistics: statistics)
        retention = Retention(configuration: configuration, intake: intake, cases: cases, logger: logger)
        backups = Backups(configuration: configuration, audit: audit, threadPool: threadPool, logger: logger)
        exports = Exports(
            audit: audit, access: access, incidents: incidents, persons: persons, cases: cases, publishing: publishing,
            vocabularies: vocabularies)
    }

    /// The one-time code `/setup` asks for; exists only in memory, only until setup is done.
    var setupCode: HumanCode? {
        get { instance.setupCode }
        set { instance.setupCode = newValue }
    }

    /// Whether every staff member must have a second factor.
    var requiresSecondFactor: Bool {
        get { instance.requiresSecondFactor }
        set { instance.requiresSecondFactor = newValue }
    }
}

extension Application {
    private struct HavenServicesKey: StorageKey {
        typealias Value = HavenServices
    }

    /// Haven's services; set by `configure`.
    var haven: HavenServices {
        get {
            guard let services = storage[HavenServicesKey.self] else { fatalError("configure(_:) has not run") }
            return services
        }
        set { storage[HavenServicesKey.self] = newValue }
    }
}
