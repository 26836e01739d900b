import Crypto
import Foundation

/// What the database keeps of one user's key pair and password; none of it reveals the private key.
public struct StoredUserKeys: Sendable, Equatable {
    /// The X25519 public key, raw 32 bytes.
    public var publicKey: Data
    /// The private key sealed under the password-derived key-encryption key.
    public var passwordSealedPrivateKey: Data
    /// The private key sealed (HPKE) to the organisation's recovery key.
    public var recoverySealedPrivateKey: Data
    /// scrypt salt.
    public var salt: Data
    /// scrypt parameters in text form.
    public var kdfParameters: String
    /// SHA-256 of the login verifier, hex.
    public var verifierHash: String

    public init(
        publicKey: Data, passwordSealedPrivateKey: Data, recoverySealedPrivateKey: Data, salt: Data, kdfParameters: String,
        verifierHash: String
    ) {
        self.publicKey = publicKey
        self.passwordSealedPrivateKey = passwordSealedPrivateKey
        self.recoverySealedPrivateKey = recoverySealedPrivateKey
        self.salt = salt
        self.kdfParameters = kdfParameters
        self.verifierHash = verifierHash
    }
}
