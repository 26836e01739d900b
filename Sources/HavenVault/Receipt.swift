import Crypto
import Foundation

/// An anonymous reporter's receipt: a code of 128 random bits that finds their report and opens its key.
///
/// The server keeps an HMAC of the code under a key stored outside the database (for lookup) and the report key
/// sealed under a key derived from the code. No memory-hard KDF is needed: the code is as strong as a key.
public enum Receipt {
    /// HMAC-SHA-256 of the normalised code under the instance's receipt key, hex.
    public static func lookup(_ code: HumanCode, key: SymmetricKey) -> String {
        HMAC<SHA256>.authenticationCode(for: Data("receipt|\(code.normalized)".utf8), using: key).hexString
    }

    static func sealingKey(_ code: HumanCode) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Data(code.normalized.utf8)),
            info: Data("haven/v1/receipt".utf8), outputByteCount: 32)
    }

    static func context(_ reportID: String) -> Data { Data("haven/v1/report-key|\(reportID)".utf8) }

    /// Seals a report's data key under the code.
    public static func sealReportKey(_ reportKey: SymmetricKey, code: HumanCode, reportID: String) throws -> Data {
        try reportKey.withUnsafeBytes { bytes in
            try ChaChaPoly.seal(Data(bytes), using: sealingKey(code), authenticating: context(reportID)).combined
        }
    }

    /// Opens a report's data key with the code; throws `VaultError.wrongKey` for any other code or report.
    public static func openReportKey(_ sealed: Data, code: HumanCode, reportID: String) throws -> SymmetricKey {
        do {
            let box = try ChaChaPoly.SealedBox(combined: sealed)
            let bytes = try ChaChaPoly.open(box, using: sealingKey(code), authenticating: context(reportID))
            guard bytes.count == 32 else { throw VaultError.malformed("report key") }
            return SymmetricKey(data: bytes)
        } catch {
            throw VaultError.wrongKey
        }
    }
}
