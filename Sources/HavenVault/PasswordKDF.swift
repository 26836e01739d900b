import Crypto
import Foundation
import _CryptoExtras

/// Derives a user's key-encryption key and login verifier from a password in one scrypt run.
public enum PasswordKDF {
    /// The longest password accepted, in UTF-8 bytes; longer input is refused before any work.
    public static let maximumPasswordBytes = 512

    /// Runs scrypt once and splits the output with HKDF into a key-encryption key and a verifier.
    public static func derive(password: String, salt: some DataProtocol, parameters: KDFParameters) throws -> PasswordSecrets {
        let passwordBytes = Array(password.utf8)
        guard passwordBytes.count <= maximumPasswordBytes else { throw VaultError.passwordTooLong }
        guard !passwordBytes.isEmpty else { throw VaultError.malformed("empty password") }
        let master = try KDF.Scrypt.deriveKey(
            from: passwordBytes, salt: Array(salt), outputByteCount: 32,
            rounds: 1 << parameters.logN, blockSize: parameters.r, parallelism: parameters.p
        )
        let kek = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data("haven/v1/key-encryption".utf8), outputByteCount: 32)
        let verifier = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data("haven/v1/login-verifier".utf8), outputByteCount: 32)
        let verifierHash = verifier.withUnsafeBytes { SHA256.hash(data: Data($0)).hexString }
        return PasswordSecrets(keyEncryptionKey: kek, verifierHash: verifierHash)
    }

    /// A fresh random salt.
    public static func newSalt() -> Data {
        SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }
    }
}
