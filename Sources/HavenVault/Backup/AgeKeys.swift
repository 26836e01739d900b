import Crypto
import Foundation

/// age's text forms of X25519 keys: `age1…` recipients and `AGE-SECRET-KEY-1…` identities (Bech32).
public enum AgeKeys {
    private static let recipientPrefix = "age"
    private static let identityPrefix = "age-secret-key-"

    /// The `age1…` recipient of a public key.
    public static func recipient(_ key: Curve25519.KeyAgreement.PublicKey) -> String {
        Bech32.encode(prefix: recipientPrefix, data: key.rawRepresentation)
    }

    /// The `AGE-SECRET-KEY-1…` identity of a private key (the organisation's recovery key, for the reference `age`).
    public static func identity(_ key: Curve25519.KeyAgreement.PrivateKey) -> String {
        Bech32.encode(prefix: identityPrefix, data: key.rawRepresentation, uppercase: true)
    }

    /// Reads an `age1…` recipient.
    public static func parseRecipient(_ text: String) throws -> Curve25519.KeyAgreement.PublicKey {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let (prefix, data) = Bech32.decode(trimmed), prefix == recipientPrefix, trimmed == trimmed.lowercased(), data.count == 32
        else { throw AgeError.malformedKey("expected an X25519 recipient, age1 followed by 58 characters") }
        return try Curve25519.KeyAgreement.PublicKey(rawRepresentation: data)
    }

    /// Reads an `AGE-SECRET-KEY-1…` identity.
    public static func parseIdentity(_ text: String) throws -> Curve25519.KeyAgreement.PrivateKey {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let (prefix, data) = Bech32.decode(trimmed), prefix == identityPrefix, trimmed == trimmed.uppercased(), data.count == 32
        else { throw AgeError.malformedKey("expected an X25519 identity, AGE-SECRET-KEY-1 followed by 58 characters") }
        return try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: data)
    }
}
