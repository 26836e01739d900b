import Crypto
import Foundation
import HavenVault

/// The instance's lookup key: turns e-mails into the keyed hashes login searches by.
///
/// It lives in `keys/lookup.key` under the data directory, outside the database file, so a database dump or a
/// stolen backup without that file cannot even confirm whether an address belongs to a staff member.
struct LookupKey: Sendable {
    let key: SymmetricKey

    /// Reads the key file, creating it (mode 0600) on first start.
    static func loadOrCreate(in dataDirectory: URL) throws -> LookupKey {
        LookupKey(key: try KeyFile.loadOrCreate("lookup.key", in: dataDirectory))
    }

    /// The lookup hash of an e-mail, hex.
    func emailLookup(_ normalizedEmail: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data("email|\(normalizedEmail)".utf8), using: key).hexString
    }

    /// The keyed hash of one of a user's second-factor backup codes, hex.
    func backupCodeLookup(_ normalizedCode: String, of userID: UUID) -> String {
        HMAC<SHA256>.authenticationCode(for: Data("backup-code|\(userID.uuidString)|\(normalizedCode)".utf8), using: key).hexString
    }

    /// A salt that stands in for an unknown account's, so a wrong e-mail costs the same scrypt run as a wrong password.
    func decoySalt(_ normalizedEmail: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data("decoy-salt|\(normalizedEmail)".utf8), using: key).prefix(16))
    }
}
