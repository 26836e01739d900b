import Crypto
import Foundation
import HavenVault

extension Backups {
    /// Reads a whole backup with `identity` and checks every part against the manifest, and every table's rows against
    /// its row count, without writing anything. Throws naming the first damaged part.
    static func verify(_ file: URL, identity: Curve25519.KeyAgreement.PrivateKey) throws -> BackupManifest {
        let (handle, read) = try BackupFileIO.reader(file)
        defer { try? handle.close() }
        var reader = try BackupArchiveReader(identity: identity, read: read)
        var lines: [String: Int] = [:]
        while let part = try reader.nextPart() {
            let table = tableName(of: part.path)
            while let piece = try reader.readContent() {
                if let table { lines[table, default: 0] += piece.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } }
            }
        }
        guard let manifest = reader.manifest else { throw BackupError.inconsistent("the archive has no manifest") }
        for table in manifest.tables where lines[table.name, default: 0] != table.rows {
            throw BackupError.damaged(
                part: "tables/\(table.name)", reason: "\(lines[table.name, default: 0]) rows where the manifest says \(table.rows)")
        }
        return manifest
    }

    /// `incidents` for `tables/incidents/00001.jsonl`; nil for other parts.
    static func tableName(of path: String) -> String? {
        let pieces = path.split(separator: "/")
        guard pieces.count == 3, pieces[0] == "tables" else { return nil }
        return String(pieces[1])
    }
}
