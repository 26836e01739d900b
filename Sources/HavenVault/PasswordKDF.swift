import Crypto
import _CryptoExtras
import Foundation

/// scrypt cost parameters; stored with each user so they can be raised later.
public struct KDFParameters: Sendable, Equatable, Codable {
    /// log2 of scrypt's N.
    public let logN: Int
    /// Block size.
    public let r: Int
    /// Parallelism.
    public let p: Int

    public init(logN: Int, r: Int, p: Int) {
        self.logN = logN
        self.r = r
        self.p = p
    }

    /// What DESIGN.md requires in production: N=2^17, r=8, p=1 (128 MiB, about 0.3 s in a release build).
    public static let production = KDFParameters(logN: 17, r: 8, p: 1)

    /// Text form kept in the database, e.g. `scrypt:17:8:1`.
    public var encoded: String { "scrypt:\(logN):\(r):\(p)" }

    /// Parses the text form; nil for anything else.
    public init?(encoded: String) {
        let parts = encoded.split(separator: ":")
        guard parts.count == 4, parts[0] == "scrypt",
              let logN = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
              (1...24).contains(logN), (1...32).contains(r), (1...16).contains(p)
        else { return nil }
        self.init(logN: logN, r: r, p: p)
    }
}

/// What one password derivation yields: a key that seals the user's private key and a login verifier.
public struct PasswordSecrets: Sendable {
    /// Seals and opens the user's private key.
    public let keyEncryptionKey: SymmetricKey
    /// SHA-256 of the verifier, hex; the only thing about the password the database keeps.
    public let verifierHash: String
}

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

/// Errors from the vault; none of them carries secret material.
public enum VaultError: Error, Equatable, CustomStringConvertible {
    case passwordTooLong
    case wrongKey
    case malformed(String)

    public var description: String {
        switch self {
        case .passwordTooLong: return "password longer than \(PasswordKDF.maximumPasswordBytes) bytes"
        case .wrongKey: return "the key does not open this sealed value, or the value was altered"
        case .malformed(let what): return "malformed \(what)"
        }
    }
}
