import Crypto
import Fluent
import Foundation
import HavenVault
import NIOConcurrencyHelpers
import Vapor

/// Haven's long-lived services, one set per application.
final class HavenServices: Sendable {
    let configuration: HavenConfiguration
    let sessions: SessionStore
    let rateLimiter = RateLimiter()
    let kdfGate: AsyncGate
    let audit = AuditLog()
    let lookupKey: LookupKey
    /// Keys the receipt-code lookup hashes; kept in `keys/receipt.key`, outside the database.
    let receiptKey: SymmetricKey
    let localization: Localization
    let vocabularies = VocabularyStore()
    let recordedCountries = RecordedCountries()
    let publicPages = PublicPages()
    /// Large uploads at once (evidence): more are refused at once with 503, never queued holding connections.
    let uploads: AsyncGate
    /// Reports and replies with files at once.
    let intakeUploads: AsyncGate
    private let state = NIOLockedValueBox(MutableState())

    private struct MutableState {
        var setupCode: HumanCode?
        var requiresSecondFactor = false
    }

    init(configuration: HavenConfiguration, lookupKey: LookupKey, receiptKey: SymmetricKey, localization: Localization) {
        self.configuration = configuration
        self.sessions = SessionStore(idleTimeout: configuration.sessionIdleTimeout,
                                     absoluteTimeout: configuration.sessionAbsoluteTimeout)
        self.kdfGate = AsyncGate(limit: configuration.concurrentKDFRuns)
        self.uploads = AsyncGate(limit: configuration.concurrentUploads, maximumWaiting: 0)
        self.intakeUploads = AsyncGate(limit: configuration.concurrentIntakeUploads, maximumWaiting: 0)
        self.lookupKey = lookupKey
        self.receiptKey = receiptKey
        self.localization = localization
    }

    /// The one-time code `/setup` asks for; exists only in memory, only until setup is done.
    var setupCode: HumanCode? {
        get { state.withLockedValue { $0.setupCode } }
        set { state.withLockedValue { $0.setupCode = newValue } }
    }

    /// Cached from the organisation row so no request reads it from the database.
    var requiresSecondFactor: Bool {
        get { state.withLockedValue { $0.requiresSecondFactor } }
        set { state.withLockedValue { $0.requiresSecondFactor = newValue } }
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

    /// Derives password secrets from a password (one scrypt run).
    func derivePasswordSecrets(password: String, salt: Data, parameters: KDFParameters) async throws -> PasswordSecrets {
        try await runInKDFSlot { try PasswordKDF.derive(password: password, salt: salt, parameters: parameters) }
    }

    /// Seals a private key under a new password and to the recovery key (one scrypt run).
    func sealUserKeys(_ privateKey: Curve25519.KeyAgreement.PrivateKey, userID: UUID, password: String,
                      recoveryKey: Curve25519.KeyAgreement.PublicKey) async throws -> StoredUserKeys {
        let parameters = haven.configuration.kdfParameters
        return try await runInKDFSlot {
            try UserKeys.seal(privateKey, userID: userID.uuidString, password: password, parameters: parameters, recoveryKey: recoveryKey)
        }
    }

    /// Runs scrypt work on the thread pool, at most `concurrentKDFRuns` at a time; 503 when too many wait.
    private func runInKDFSlot<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let pool = threadPool
        return try await haven.kdfGate.withSlot { try await pool.runIfActive(work) }
    }
}
