import Crypto
import Foundation
import HavenVault
import NIOPosix
import Vapor

/// scrypt runs: on the thread pool, at most `concurrentKDFRuns` at a time (the rest wait; too many waiting get 503).
struct KeyDerivation: Sendable {
    let gate: AsyncGate
    let threadPool: NIOThreadPool
    /// The parameters new passwords are sealed with.
    let parameters: KDFParameters

    /// Derives password secrets (one scrypt run).
    func secrets(password: String, salt: Data, parameters: KDFParameters) async throws -> PasswordSecrets {
        try await run { try PasswordKDF.derive(password: password, salt: salt, parameters: parameters) }
    }

    /// Seals a private key under a new password and to the recovery key (one scrypt run).
    func seal(
        _ privateKey: Curve25519.KeyAgreement.PrivateKey, userID: UUID, password: String,
        recoveryKey: Curve25519.KeyAgreement.PublicKey
    ) async throws -> StoredUserKeys {
        let parameters = self.parameters
        return try await run {
            try UserKeys.seal(privateKey, userID: userID.uuidString, password: password, parameters: parameters, recoveryKey: recoveryKey)
        }
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let pool = threadPool
        return try await gate.withSlot { try await pool.runIfActive(work) }
    }
}
