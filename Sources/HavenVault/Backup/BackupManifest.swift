import Foundation

/// The last entry of a Haven backup (`manifest.json`): what the archive holds and the SHA-256 of every other entry,
/// so a reader can check each part without restoring.
public struct BackupManifest: Codable, Sendable, Equatable {
    public static let formatName = "haven-backup"
    public static let currentVersion = 1
    public static let entryName = "manifest.json"

    /// A table's rows, in the archive as JSON Lines parts.
    public struct Table: Codable, Sendable, Equatable {
        public var name: String
        public var rows: Int
        public var parts: [String]

        public init(name: String, rows: Int, parts: [String]) {
            self.name = name
            self.rows = rows
            self.parts = parts
        }
    }

    /// One archive entry and its digest.
    public struct Part: Codable, Sendable, Equatable {
        public var path: String
        public var bytes: Int64
        public var sha256: String

        public init(path: String, bytes: Int64, sha256: String) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    public var format: String = formatName
    public var version: Int = currentVersion
    /// When the snapshot was taken (ISO 8601, UTC).
    public var createdAt: String
    /// `sqlite` or `postgresql`: where it was taken (a backup restores into either).
    public var engine: String
    /// The organisation's id, so a backup of another organisation is recognised.
    public var organisation: String?
    /// The migrations applied to the snapshot, in order.
    public var migrations: [String]
    public var tables: [Table]
    public var parts: [Part]

    public init(createdAt: String, engine: String, organisation: String?, migrations: [String], tables: [Table], parts: [Part]) {
        self.createdAt = createdAt
        self.engine = engine
        self.organisation = organisation
        self.migrations = migrations
        self.tables = tables
        self.parts = parts
    }

    /// The same content: tables, row counts, parts and digests (not when or where it was taken).
    public func holdsSameData(as other: BackupManifest) -> Bool {
        migrations == other.migrations && tables == other.tables && parts == other.parts
    }

    enum CodingKeys: String, CodingKey {
        case format, version, engine, organisation, migrations, tables, parts
        case createdAt = "created_at"
    }
}
