import Crypto
import Foundation

extension FieldCipher {
    /// Seals a 256-bit key under another, bound like any field (an evidence file's key under its incident's, a report's
    /// key under the case made from it).
    public static func sealKey(_ key: SymmetricKey, with containerKey: SymmetricKey, binding: FieldBinding) throws -> Data {
        try seal(key.withUnsafeBytes { Data($0) }.base64EncodedString(), with: containerKey, binding: binding)
    }

    /// Opens a key sealed with `sealKey`; `VaultError.malformed` when what opens is not a 256-bit key.
    public static func openKey(_ sealed: Data, with containerKey: SymmetricKey, binding: FieldBinding) throws -> SymmetricKey {
        guard let raw = Data(base64Encoded: try open(sealed, with: containerKey, binding: binding)), raw.count == 32 else {
            throw VaultError.malformed("sealed key")
        }
        return SymmetricKey(data: raw)
    }
}
