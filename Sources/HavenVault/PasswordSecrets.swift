import Crypto
import Foundation
import _CryptoExtras

/// What one password derivation yields: a key that seals the user's private key and a login verifier.
public struct PasswordSecrets: Sendable {
    /// Seals and opens the user's private key.
    public let keyEncryptionKey: SymmetricKey
    /// SHA-256 of the verifier, hex; the only thing about the password the database keeps.
    public let verifierHash: String
}
