import Crypto
import Foundation
import HavenVault

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
        guard manager.createFile(atPath: file.path, contents: key.withUnsafeBytes { Data($0) }, attributes: [.posixPermissions: 0o600])
        else {
            throw ConfigurationError(variable: "HAVEN_DATA_DIR", problem: "cannot write \(file.path)")
        }
        return key
    }
}
