import Crypto
import Foundation

/// Seals and opens one field of one record with ChaCha20-Poly1305 under that record's data key.
///
///     let sealed = try FieldCipher.seal("Chișinău", with: key, binding: .init(table: "users", recordID: id, field: "email"))
public enum FieldCipher {
    /// Seals text; the result is nonce ‖ ciphertext ‖ tag.
    public static func seal(_ plaintext: String, with key: SymmetricKey, binding: FieldBinding) throws -> Data {
        try ChaChaPoly.seal(Data(plaintext.utf8), using: key, authenticating: binding.associatedData).combined
    }

    /// Opens a sealed field; throws `VaultError.wrongKey` for a wrong key, another binding or altered bytes.
    public static func open(_ sealed: Data, with key: SymmetricKey, binding: FieldBinding) throws -> String {
        do {
            let box = try ChaChaPoly.SealedBox(combined: sealed)
            let plaintext = try ChaChaPoly.open(box, using: key, authenticating: binding.associatedData)
            return String(decoding: plaintext, as: UTF8.self)
        } catch {
            throw VaultError.wrongKey
        }
    }
}
