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

    public init(publicKey: Data, passwordSealedPrivateKey: Data, recoverySealedPrivateKey: Data, salt: Data, kdfParameters: String, verifierHash: String) {
        self.publicKey = publicKey
        self.passwordSealedPrivateKey = passwordSealedPrivateKey
        self.recoverySealedPrivateKey = recoverySealedPrivateKey
        self.salt = salt
        self.kdfParameters = kdfParameters
        self.verifierHash = verifierHash
    }
}

/// Creates, unlocks and re-seals a user's X25519 key pair.
public enum UserKeys {
    static func passwordContext(_ userID: String) -> Data { Data("haven/v1/user-private-key|\(userID)".utf8) }
    static func recoveryContext(_ userID: String) -> String { "user-private-key/\(userID)" }

    /// Makes a new key pair for `userID`, sealed under `password` and to the recovery key.
    public static func create(userID: String, password: String, parameters: KDFParameters,
                              recoveryKey: Curve25519.KeyAgreement.PublicKey) throws -> (StoredUserKeys, Curve25519.KeyAgreement.PrivateKey) {
        let privateKey = Curve25519.KeyAgreement.PrivateKey()
        let stored = try seal(privateKey, userID: userID, password: password, parameters: parameters, recoveryKey: recoveryKey)
        return (stored, privateKey)
    }

    /// Seals an existing private key under a (new) password and to the recovery key.
    public static func seal(_ privateKey: Curve25519.KeyAgreement.PrivateKey, userID: String, password: String,
                            parameters: KDFParameters, recoveryKey: Curve25519.KeyAgreement.PublicKey) throws -> StoredUserKeys {
        let salt = PasswordKDF.newSalt()
        let secrets = try PasswordKDF.derive(password: password, salt: salt, parameters: parameters)
        let sealed = try ChaChaPoly.seal(privateKey.rawRepresentation, using: secrets.keyEncryptionKey,
                                         authenticating: passwordContext(userID)).combined
        let forRecovery = try sealForRecovery(privateKey, userID: userID, recoveryKey: recoveryKey)
        return StoredUserKeys(publicKey: privateKey.publicKey.rawRepresentation, passwordSealedPrivateKey: sealed,
                              recoverySealedPrivateKey: forRecovery, salt: salt,
                              kdfParameters: parameters.encoded, verifierHash: secrets.verifierHash)
    }

    /// Opens the private key with secrets already derived from the password (after the verifier matched).
    public static func unlock(_ stored: StoredUserKeys, userID: String, secrets: PasswordSecrets) throws -> Curve25519.KeyAgreement.PrivateKey {
        do {
            let box = try ChaChaPoly.SealedBox(combined: stored.passwordSealedPrivateKey)
            let raw = try ChaChaPoly.open(box, using: secrets.keyEncryptionKey, authenticating: passwordContext(userID))
            return try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
        } catch {
            throw VaultError.wrongKey
        }
    }

    /// Seals a private key to the recovery key only (an invited user has no password yet).
    public static func sealForRecovery(_ privateKey: Curve25519.KeyAgreement.PrivateKey, userID: String,
                                       recoveryKey: Curve25519.KeyAgreement.PublicKey) throws -> Data {
        try KeyEnvelope.seal(privateKey.rawRepresentation, to: recoveryKey, context: recoveryContext(userID))
    }

    /// Opens a user's private key with the organisation's recovery private key.
    public static func recover(_ recoverySealedPrivateKey: Data, userID: String,
                               recoveryPrivateKey: Curve25519.KeyAgreement.PrivateKey) throws -> Curve25519.KeyAgreement.PrivateKey {
        let raw = try KeyEnvelope.open(recoverySealedPrivateKey, with: recoveryPrivateKey, context: recoveryContext(userID))
        return try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
    }

    /// Seals a private key under a one-time code (invitation or reset); the code carries ≥128 bits, so HKDF suffices.
    public static func sealForCode(_ privateKey: Curve25519.KeyAgreement.PrivateKey, code: HumanCode, userID: String) throws -> Data {
        try ChaChaPoly.seal(privateKey.rawRepresentation, using: codeKey(code), authenticating: passwordContext(userID)).combined
    }

    /// Opens a private key sealed under a one-time code.
    public static func openWithCode(_ sealed: Data, code: HumanCode, userID: String) throws -> Curve25519.KeyAgreement.PrivateKey {
        do {
            let box = try ChaChaPoly.SealedBox(combined: sealed)
            let raw = try ChaChaPoly.open(box, using: codeKey(code), authenticating: passwordContext(userID))
            return try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
        } catch {
            throw VaultError.wrongKey
        }
    }

    static func codeKey(_ code: HumanCode) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: Data(code.normalized.utf8)),
                               info: Data("haven/v1/one-time-code".utf8), outputByteCount: 32)
    }
}

/// The organisation's recovery key: made at setup, shown once, never stored; written as 14 groups of four characters.
///
/// The text form is Crockford base32 of the 32-byte private key followed by four check characters,
/// so a mistyped key is refused before any decryption is tried.
public enum RecoveryKey {
    /// Writes a private key in its grouped text form.
    public static func text(for privateKey: Curve25519.KeyAgreement.PrivateKey) -> String {
        let raw = privateKey.rawRepresentation
        let body = Base32.encodeCrockford(raw)
        return HumanCode.group(body + checksum(body))
    }

    /// Reads the grouped text form back; throws if a character or the check is wrong.
    public static func parse(_ text: String) throws -> Curve25519.KeyAgreement.PrivateKey {
        let normalized = Base32.normalizeCrockford(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard normalized.count == 56 else { throw VaultError.malformed("recovery key (expected 56 characters)") }
        let body = String(normalized.prefix(52))
        guard checksum(body) == normalized.suffix(4), let bytes = Base32.decodeCrockford(body), bytes.count == 32 else {
            throw VaultError.malformed("recovery key (check characters do not match)")
        }
        return try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: bytes)
    }

    static func checksum(_ body: String) -> String {
        let digest = Array(SHA256.hash(data: Data(body.utf8)))
        return String(Base32.encodeCrockford(digest.prefix(3)).prefix(4))
    }
}
