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

    /// A salt that stands in for an unknown account's, so a wrong e-mail costs the same scrypt run as a wrong password.
    func decoySalt(_ normalizedEmail: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data("decoy-salt|\(normalizedEmail)".utf8), using: key).prefix(16))
    }
}

/// A 256-bit key kept in a file under `HAVEN_DATA_DIR/keys/`, outside the database.
enum KeyFile {
    /// Reads the named key file, creating it (directory 0700, file 0600) on first start.
    static func loadOrCreate(_ name: String, in dataDirectory: URL) throws -> SymmetricKey {
        let directory = dataDirectory.appendingPathComponent("keys", isDirectory: true)
        let file = directory.appendingPathComponent(name)
        let manager = FileManager.default
        if let data = manager.contents(atPath: file.path) {
            guard data.count == 32 else {
                throw ConfigurationError(variable: "HAVEN_DATA_DIR", problem: "\(file.path) is not a 32-byte key")
            }
            return SymmetricKey(data: data)
        }
        try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let key = SymmetricKey(size: .bits256)
        guard manager.createFile(atPath: file.path, contents: key.withUnsafeBytes { Data($0) }, attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError(variable: "HAVEN_DATA_DIR", problem: "cannot write \(file.path)")
        }
        return key
    }
}
