import Crypto
import Foundation

/// Creates, unlocks and re-seals a user's X25519 key pair.
public enum UserKeys {
    static func passwordContext(_ userID: String) -> Data { Data("haven/v1/user-private-key|\(userID)".utf8) }
    static func recoveryContext(_ userID: String) -> String { "user-private-key/\(userID)" }

    /// Makes a new key pair for `userID`, sealed under `password` and to the recovery key.
    public static func create(
        userID: String, password: String, parameters: KDFParameters,
        recoveryKey: Curve25519.KeyAgreement.PublicKey
    ) throws -> (StoredUserKeys, Curve25519.KeyAgreement.PrivateKey) {
        let privateKey = Curve25519.KeyAgreement.PrivateKey()
        let stored = try seal(privateKey, userID: userID, password: password, parameters: parameters, recoveryKey: recoveryKey)
        return (stored, privateKey)
    }

    /// Seals an existing private key under a (new) password and to the recovery key.
    public static func seal(
        _ privateKey: Curve25519.KeyAgreement.PrivateKey, userID: String, password: String,
        parameters: KDFParameters, recoveryKey: Curve25519.KeyAgreement.PublicKey
    ) throws -> StoredUserKeys {
        let salt = PasswordKDF.newSalt()
        let secrets = try PasswordKDF.derive(password: password, salt: salt, parameters: parameters)
        let sealed = try ChaChaPoly.seal(
            privateKey.rawRepresentation, using: secrets.keyEncryptionKey,
            authenticating: passwordContext(userID)
        ).combined
        let forRecovery = try sealForRecovery(privateKey, userID: userID, recoveryKey: recoveryKey)
        return StoredUserKeys(
            publicKey: privateKey.publicKey.rawRepresentation, passwordSealedPrivateKey: sealed,
            recoverySealedPrivateKey: forRecovery, salt: salt,
            kdfParameters: parameters.encoded, verifierHash: secrets.verifierHash)
    }

    /// Opens the private key with secrets already derived from the password (after the verifier matched).
    public static func unlock(_ stored: StoredUserKeys, userID: String, secrets: PasswordSecrets) throws
        -> Curve25519.KeyAgreement.PrivateKey
    {
        do {
            let box = try ChaChaPoly.SealedBox(combined: stored.passwordSealedPrivateKey)
            let raw = try ChaChaPoly.open(box, using: secrets.keyEncryptionKey, authenticating: passwordContext(userID))
            return try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
        } catch {
            throw VaultError.wrongKey
        }
    }

    /// Seals a private key to the recovery key only (an invited user has no password yet).
    public static func sealForRecovery(
        _ privateKey: Curve25519.KeyAgreement.PrivateKey, userID: String,
        recoveryKey: Curve25519.KeyAgreement.PublicKey
    ) throws -> Data {
        try KeyEnvelope.seal(privateKey.rawRepresentation, to: recoveryKey, context: recoveryContext(userID))
    }

    /// Opens a user's private key with the organisation's recovery private key.
    public static func recover(
        _ recoverySealedPrivateKey: Data, userID: String,
        recoveryPrivateKey: Curve25519.KeyAgreement.PrivateKey
    ) throws -> Curve25519.KeyAgreement.PrivateKey {
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

    /// Seals a private key under the user's personal recovery code (≥128 bits, kept by them, good until they make a
    /// new one); a different derivation from one-time codes, so neither opens what the other sealed.
    public static func sealForRecoveryCode(_ privateKey: Curve25519.KeyAgreement.PrivateKey, code: HumanCode, userID: String) throws
        -> Data
    {
        try ChaChaPoly.seal(
            privateKey.rawRepresentation, using: codeKey(code, purpose: "personal-recovery-code"), authenticating: passwordContext(userID)
        ).combined
    }

    /// Opens a private key sealed under a personal recovery code; `VaultError.wrongKey` for any other code or user.
    public static func openWithRecoveryCode(_ sealed: Data, code: HumanCode, userID: String) throws
        -> Curve25519.KeyAgreement.PrivateKey
    {
        do {
            let box = try ChaChaPoly.SealedBox(combined: sealed)
            let raw = try ChaChaPoly.open(
                box, using: codeKey(code, purpose: "personal-recovery-code"), authenticating: passwordContext(userID))
            return try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
        } catch {
            throw VaultError.wrongKey
        }
    }

    static func codeKey(_ code: HumanCode, purpose: String = "one-time-code") -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Data(code.normalized.utf8)),
            info: Data("haven/v1/\(purpose)".utf8), outputByteCount: 32)
    }
}
