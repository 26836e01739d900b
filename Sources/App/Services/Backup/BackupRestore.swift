import Fluent
import Foundation
import HavenVault
import NIOPosix
import SQLKit
import Vapor

/// Restores a backup into an empty data directory or an empty PostgreSQL database: the archive is checked whole
/// first (nothing is written before), then the key files, the rows (in one transaction, with the migrations the
/// backup was taken at, then the newer ones) and the sealed files; then the search indexes are rebuilt and the audit
/// chain is checked. If anything fails after writing began, everything written is removed again.
struct BackupRestore {
    let configuration: HavenConfiguration
    let logger: Logger

    /// What was restored.
    struct Summary: Sendable {
        let manifest: BackupManifest
        let rows: Int
        let files: Int
    }

    func run(from file: URL, identity: Curve25519.KeyAgreement.PrivateKey) async throws -> Summary {
        let manifest = try Backups.verify(file, identity: identity)
        let known = HavenMigrations.names
        guard manifest.migrations.count <= known.count, Array(known.prefix(manifest.migrations.count)) == manifest.migrations else {
            throw BackupFailure(
                "this backup was made by a newer or different version of Haven (its migrations are not a start of this version's)")
        }
        try await refuseUnlessEmpty()
        do {
            return try await restore(file, identity: identity, manifest: manifest)
        } catch {
            await removeWhatWasWritten()
            throw error
        }
    }

    // MARK: The target

    private var keysDirectory: URL { configuration.dataDirectory.appendingPathComponent("keys", isDirectory: true) }
    private var filesDirectory: URL { configuration.dataDirectory.appendingPathComponent("files", isDirectory: true) }

    private func refuseUnlessEmpty() async throws {
        try FileManager.default.createDirectory(
            at: configuration.dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for directory in [keysDirectory, filesDirectory]
        where !((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).isEmpty {
            throw BackupFailure("\(directory.path) is not empty: restore into an empty data directory")
        }
        let tables = try await withDatabase { sql in try await DatabaseSnapshot.tableNames(on: sql) }
        guard tables.isEmpty else {
            throw BackupFailure(
                "the database already has tables (\(tables.sorted().prefix(3).joined(separator: ", ")) …): restore into an empty database")
        }
    }

    /// Runs `body` on a plain connection to the configured database (no migrations, no key files made).
    private func withDatabase<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let app = try await Application.make(Environment(name: "production", arguments: ["haven"]))
        app.logger = logger
        do {
            try useDatabase(app, configuration.storage)
            let result = try await body(app.db as! any SQLDatabase)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private func removeWhatWasWritten() async {
        try? FileManager.default.removeItem(at: keysDirectory)
        try? FileManager.default.removeItem(at: filesDirectory)
        switch configuration.storage {
        case .sqlite(let path?):
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .sqlite(nil):
            break
        case .postgres:
            _ = try? await withDatabase { sql in
                for table in try await DatabaseSnapshot.tableNames(on: sql) {
                    try await sql.raw("DROP TABLE IF EXISTS \(ident: table) CASCADE").run()
                }
            }
        }
    }

    // MARK: Restoring

    private func restore(_ file: URL, identity: Curve25519.KeyAgreement.PrivateKey, manifest: BackupManifest) async throws -> Summary {
        let (handle, read) = try BackupFileIO.reader(file)
        defer { try? handle.close() }
        let reader = ReaderBox(try BackupArchiveReader(identity: identity, read: read))
        var part = try reader.value.nextPart()
        try FileManager.default.createDirectory(
            at: keysDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        while let current = part, current.path.hasPrefix("keys/") {
            try write(reader, to: keysDirectory.appendingPathComponent(try safeName(current.path, under: "keys/")))
            part = try reader.value.nextPart()
        }
        let app = try await Application.make(Environment(name: "production", arguments: ["haven"]))
        app.logger = logger
        do {
            try configure(app, configuration: configuration)
            try await migrate(app.databases, only: manifest.migrations, logger: app.logger, on: app.eventLoopGroup.any())
            let rows = try await insertRows(reader, first: &part, tables: manifest.tables.map(\.name), into: app.db)
            var files = 0
            try FileManager.default.createDirectory(
                at: filesDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            while let current = part, current.path.hasPrefix("files/") {
                try write(reader, to: filesDirectory.appendingPathComponent(try safeName(current.path, under: "files/")))
                files += 1
                part = try reader.value.nextPart()
            }
            if let current = part { throw BackupFailure("unexpected part \(current.path)") }
            try await app.prepareStorage()
            if let broken = try await AuditLog.verify(on: app.db) {
                throw BackupFailure("the restored audit log does not verify: \(broken)")
            }
            try await app.asyncShutdown()
            return Summary(manifest: manifest, rows: rows, files: files)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// The longest row a restore reads (a backup's parts are at most 4 MiB, a row at most one part).
    static let maximumRowBytes = 64 << 20

    /// The reader, shared with the database transaction's closure.
    private final class ReaderBox: @unchecked Sendable {
        var value: BackupArchiveReader
        init(_ value: BackupArchiveReader) { self.value = value }
    }

    /// A part's file name, which must be one plain name (no directory, nothing hidden).
    private func safeName(_ path: String, under prefix: String) throws -> String {
        let name = String(path.dropFirst(prefix.count))
        guard !name.isEmpty, !name.hasPrefix("."), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else {
            throw BackupFailure("the part \(path) has a name Haven does not restore")
        }
        return name
    }

    private func write(_ reader: ReaderBox, to url: URL) throws {
        let handle = try BackupFileIO.create(url)
        defer { try? handle.close() }
        while let piece = try reader.value.readContent() { try handle.write(contentsOf: piece) }
        try handle.synchronize()
    }

    /// Runs exactly the migrations the backup was taken at, so its rows fit the tables as they were.
    private func migrate(_ databases: Databases, only names: [String], logger: Logger, on eventLoop: any EventLoop) async throws {
        let migrations = Migrations()
        let wanted = Set(names)
        migrations.add(HavenMigrations.all.filter { wanted.contains($0.name) })
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoop)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Inserts every table's rows in one transaction; returns how many, and moves `part` to the first part after them.
    /// Rows that migrations put in (default languages, counters) are removed first: the backup's rows are the data.
    private func insertRows(_ reader: ReaderBox, first part: inout (path: String, size: Int64)?, tables: [String], into db: any Database)
        async throws -> Int
    {
        let start = part
        let (total, next) = try await db.transaction { tx -> (Int, (path: String, size: Int64)?) in
            let sql = tx as! any SQLDatabase
            for table in tables.reversed() { try await sql.raw("DELETE FROM \(ident: table)").run() }
            var rows = 0
            var current = start
            var columns: TableColumns?
            while let entry = current, let table = Backups.tableName(of: entry.path) {
                if columns?.table != table { columns = try await TableColumns.read(table, on: sql) }
                guard let columns, !columns.columns.isEmpty else {
                    throw BackupFailure("the backup has a table \(table) this version of Haven does not have")
                }
                rows += try await insertPart(reader, columns, on: sql)
                current = try reader.value.nextPart()
            }
            return (rows, current)
        }
        part = next
        return total
    }

    /// One JSON Lines part, in batches of 200 rows.
    private func insertPart(_ reader: ReaderBox, _ columns: TableColumns, on sql: any SQLDatabase) async throws -> Int {
        var pending = Data()
        var batch: [[String: DumpValue]] = []
        var count = 0
        let decoder = JSONDecoder()
        var scanned = 0
        while let piece = try reader.value.readContent() {
            pending.append(piece)
            var start = pending.startIndex
            // Only the new bytes are searched for the end of a row: a long row is scanned once, not once per piece.
            while let newline = pending[max(start, pending.startIndex + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                scanned = 0
                guard let row = try? decoder.decode([String: DumpValue].self, from: pending[start..<newline]) else {
                    throw BackupFailure("a row of \(columns.table) is not JSON")
                }
                batch.append(row)
                start = newline + 1
                if batch.count == 200 {
                    try await columns.insert(batch, on: sql)
                    count += batch.count
                    batch.removeAll(keepingCapacity: true)
                }
            }
            pending = Data(pending[start...])
            scanned = pending.count
            guard pending.count <= Self.maximumRowBytes else {
                throw BackupFailure("a row of \(columns.table) is longer than any Haven writes")
            }
        }
        guard pending.isEmpty else { throw BackupFailure("a part of \(columns.table) does not end with a whole row") }
        try await columns.insert(batch, on: sql)
        return count + batch.count
    }
}
