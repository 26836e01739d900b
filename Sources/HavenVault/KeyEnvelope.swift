import Crypto
import Foundation

/// Seals small secrets (data keys, private keys) to an X25519 public key with HPKE (RFC 9180).
///
/// Layout: version byte `1` ‖ 32-byte encapsulated key ‖ ChaCha20-Poly1305 ciphertext and tag.
/// The `context` names what is sealed and for which record; opening with another context fails.
///
///     let envelope = try KeyEnvelope.seal(dataKey, to: user.publicKey, context: "record-key/users/directory")
public enum KeyEnvelope {
    static let suite = HPKE.Ciphersuite.Curve25519_SHA256_ChachaPoly
    static let version: UInt8 = 1

    /// Seals bytes to the holder of `recipient`'s private key.
    public static func seal(_ secret: some DataProtocol, to recipient: Curve25519.KeyAgreement.PublicKey, context: String) throws -> Data {
        var sender = try HPKE.Sender(recipientKey: recipient, ciphersuite: suite, info: Data(("haven/v1/" + context).utf8))
        let ciphertext = try sender.seal(secret, authenticating: Data(context.utf8))
        return Data([version]) + sender.encapsulatedKey + ciphertext
    }

    /// Seals a symmetric key to `recipient`.
    public static func seal(_ key: SymmetricKey, to recipient: Curve25519.KeyAgreement.PublicKey, context: String) throws -> Data {
        try key.withUnsafeBytes { try seal(Data($0), to: recipient, context: context) }
    }

    /// Opens an envelope with the recipient's private key; throws `VaultError.wrongKey` if it is not theirs or was altered.
    public static func open(_ envelope: Data, with privateKey: Curve25519.KeyAgreement.PrivateKey, context: String) throws -> Data {
        guard envelope.count > 1 + 32 + 16, envelope.first == version else { throw VaultError.malformed("key envelope") }
        let encapsulated = envelope.dropFirst().prefix(32)
        let ciphertext = envelope.dropFirst(33)
        do {
            var recipient = try HPKE.Recipient(
                privateKey: privateKey, ciphersuite: suite,
                info: Data(("haven/v1/" + context).utf8), encapsulatedKey: Data(encapsulated)
            )
            return try recipient.open(Data(ciphertext), authenticating: Data(context.utf8))
        } catch {
            throw VaultError.wrongKey
        }
    }

    /// Opens an envelope that holds a 256-bit symmetric key.
    public static func openKey(_ envelope: Data, with privateKey: Curve25519.KeyAgreement.PrivateKey, context: String) throws
        -> SymmetricKey
    {
        let bytes = try open(envelope, with: privateKey, context: context)
        guard bytes.count == 32 else { throw VaultError.malformed("sealed key") }
        return SymmetricKey(data: bytes)
    }
}
