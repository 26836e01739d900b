import Crypto
import Foundation
import HavenVault
import NIOPosix
import SQLKit
import Vapor

/// Haven's backups: one age-encrypted archive (see docs/backup.md) of every table, sealed file and key file, taken
/// while the server runs, and the check of such an archive against its manifest.
struct Backups: Sendable {
    let configuration: HavenConfiguration
    let audit: AuditLog
    let threadPool: NIOThreadPool
    let logger: Logger

    /// Rows read per query, and the largest JSON Lines part kept in memory before it is written.
    static let pageSize = 1_000
    static let partBytes = 4 << 20

    /// What a finished backup holds.
    struct Written: Sendable {
        let manifest: BackupManifest
        let bytes: Int64
    }

    /// Writes a backup to `output` (first under a `.partial` name, renamed when complete; removed on failure).
    func write(to output: URL, eventLoop: any EventLoop, now: Date = Date()) async throws -> Written {
        let partial = output.appendingPathExtension("partial")
        let handle = try BackupFileIO.create(partial)
        do {
            let manifest = try await write(into: handle, eventLoop: eventLoop, now: now)
            try handle.synchronize()
            let bytes = Int64(try handle.offset())
            try handle.close()
            // rename(2) replaces an older file of the same name in one step: there is always one whole backup there.
            guard rename(partial.path, output.path) == 0 else { throw BackupFailure("cannot move the backup to \(output.path)") }
            return Written(manifest: manifest, bytes: bytes)
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }

    private func write(into handle: FileHandle, eventLoop: any EventLoop, now: Date) async throws -> BackupManifest {
        let snapshot = try await DatabaseSnapshot.begin(configuration.storage, threadPool: threadPool, eventLoop: eventLoop, logger: logger)
        var snapshotOpen = true
        defer { if snapshotOpen { Task { await snapshot.end() } } }
        guard let organisation = try await snapshot.organisation() else {
            throw BackupFailure("Haven is not set up yet: there is nothing to back up")
        }
        var recipients = [try Curve25519.KeyAgreement.PublicKey(rawRepresentation: organisation.recoveryPublicKey)]
        for text in try await snapshot.extraRecipients() { recipients.append(try AgeKeys.parseRecipient(text)) }
        let migrations = try await snapshot.appliedMigrations()
        var archive = try BackupArchiveWriter(recipients: recipients, modified: now) { try handle.write(contentsOf: $0) }
        for file in try BackupFileIO.files(in: configuration.dataDirectory.appendingPathComponent("keys")) {
            try archive.addPart("keys/" + file.lastPathComponent, data: try Data(contentsOf: file))
        }
        var tables: [BackupManifest.Table] = []
        for table in BackupTables.all {
            tables.append(try await dump(table, from: snapshot, into: &archive))
        }
        // The files are read while the snapshot is still open, so no retention run can commit in between unseen.
        try addFiles(to: &archive)
        snapshotOpen = false
        await snapshot.end()
        try archive.finish { parts in
            BackupManifest(
                createdAt: now.ISO8601Format(), engine: snapshot.engine, organisation: organisation.id,
                migrations: migrations, tables: tables, parts: parts)
        }
        guard let manifest = archive.manifest else { throw BackupFailure("the manifest was not written") }
        return manifest
    }

    /// A table's rows as JSON Lines parts of at most `partBytes`.
    private func dump(_ table: BackupTables.Table, from snapshot: DatabaseSnapshot, into archive: inout BackupArchiveWriter) async throws
        -> BackupManifest.Table
    {
        let columns = try await TableColumns.read(table.name, on: snapshot.sql)
        guard !columns.columns.isEmpty else { throw BackupFailure("the table \(table.name) does not exist") }
        var rows = 0
        var parts: [String] = []
        var buffer = Data()
        func flush() throws {
            guard !buffer.isEmpty else { return }
            let path = "tables/\(table.name)/\(String(format: "%05d", parts.count + 1)).jsonl"
            try archive.addPart(path, data: buffer)
            parts.append(path)
            buffer.removeAll(keepingCapacity: true)
        }
        var after: [DumpValue]?
        while true {
            let page = try await columns.page(orderedBy: table.orderedBy, after: after, limit: Self.pageSize, on: snapshot.sql)
            for row in page {
                buffer.append(contentsOf: DumpValue.jsonLine(row).utf8)
                if buffer.count >= Self.partBytes { try flush() }
            }
            rows += page.count
            guard page.count == Self.pageSize, let last = page.last else { break }
            after = table.orderedBy.map { key in last.first { $0.column == key }?.value ?? .null }
        }
        try flush()
        return .init(name: table.name, rows: rows, parts: parts)
    }

    /// Every sealed file, streamed in pieces (a file removed meanwhile is left out: its record was removed too).
    private func addFiles(to archive: inout BackupArchiveWriter) throws {
        for file in try BackupFileIO.files(in: configuration.dataDirectory.appendingPathComponent("files"))
        where file.pathExtension != "partial" {
            guard let size = try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize, let (handle, read) = try? BackupFileIO.reader(file)
            else { continue }
            defer { try? handle.close() }
            try archive.beginPart("files/" + file.lastPathComponent, size: Int64(size))
            var remaining = size
            while remaining > 0 {
                let piece = try read(min(remaining, 1 << 20))
                guard !piece.isEmpty else { throw BackupFailure("files/\(file.lastPathComponent) became shorter while it was read") }
                try archive.write(piece)
                remaining -= piece.count
            }
            try archive.endPart()
        }
    }
}
