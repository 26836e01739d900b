import Crypto
import Foundation

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
