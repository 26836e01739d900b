import Fluent
import Foundation
import Vapor

extension Backups {
    /// Scheduled backups are named by their moment, so they sort in time and nothing else in the directory is touched.
    static let scheduledPrefix = "haven-backup-"
    static let scheduledSuffix = ".age"

    /// Writes one backup a day into `HAVEN_BACKUP_DIR` (the first a minute after start) while the server runs.
    func schedule(on eventLoop: any EventLoop, db: @escaping @Sendable () -> any Database) {
        guard configuration.backupDirectory != nil else { return }
        eventLoop.scheduleRepeatedAsyncTask(initialDelay: .minutes(1), delay: .hours(24)) { _ in
            eventLoop.makeFutureWithTask {
                // A restart does not add a backup (nor push a good one out) when the last good one is less than a day old.
                guard (try? await isDue(on: db())) == true else { return }
                _ = try? await runScheduled(on: db(), eventLoop: eventLoop)
            }
        }
    }

    /// Writes a scheduled backup now, records how it went, and deletes the oldest beyond `HAVEN_BACKUP_KEEP`.
    @discardableResult
    func runScheduled(on db: any Database, eventLoop: any EventLoop, now: Date = Date()) async throws -> BackupRun {
        guard let directory = configuration.backupDirectory else { throw BackupFailure("HAVEN_BACKUP_DIR is not set") }
        let name = Self.scheduledPrefix + Self.stamp(now) + Self.scheduledSuffix
        let run: BackupRun
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let written = try await write(to: directory.appendingPathComponent(name), eventLoop: eventLoop, now: now)
            run = BackupRun(startedAt: now, finishedAt: Date(), succeeded: true, bytes: written.bytes, fileName: name, problem: nil)
            logger.notice("backup written", metadata: ["file": "\(name)", "bytes": "\(written.bytes)"])
        } catch {
            // The problem names a path or a step, never a record's content.
            let problem =
                (error as? BackupFailure)?.description ?? (error as? CocoaError).map { "\($0.localizedDescription)" }
                ?? "\(type(of: error))"
            run = BackupRun(startedAt: now, finishedAt: Date(), succeeded: false, bytes: 0, fileName: name, problem: problem)
            logger.error("backup failed", metadata: ["problem": "\(problem)"])
        }
        try await run.save(on: db)
        if run.succeeded {
            do {
                try prune(directory)
            } catch {
                logger.error("old backups could not be deleted", metadata: ["error": "\(type(of: error))"])
            }
        }
        return run
    }

    /// Whether a scheduled backup is due: none has succeeded in the last 23 hours.
    func isDue(on db: any Database, now: Date = Date()) async throws -> Bool {
        guard
            let last = try await BackupRun.query(on: db).filter(\.$succeeded == true).sort(\.$startedAt, .descending).first()
        else { return true }
        return now.timeIntervalSince(last.startedAt) >= 23 * 3600
    }

    /// The most recent scheduled backups, newest first.
    func recentRuns(limit: Int = 10, on db: any Database) async throws -> [BackupRun] {
        try await BackupRun.query(on: db).sort(\.$startedAt, .descending).limit(limit).all()
    }

    /// Whether the last scheduled backup failed (shown on every administrator's dashboard until one succeeds).
    func lastRunFailed(on db: any Database) async throws -> Bool {
        guard configuration.backupDirectory != nil else { return false }
        return try await recentRuns(limit: 1, on: db).first.map { !$0.succeeded } ?? false
    }

    private func prune(_ directory: URL) throws {
        let scheduled = try BackupFileIO.files(in: directory).filter {
            $0.lastPathComponent.hasPrefix(Self.scheduledPrefix) && $0.lastPathComponent.hasSuffix(Self.scheduledSuffix)
        }
        for old in scheduled.dropLast(configuration.backupsKept) { try FileManager.default.removeItem(at: old) }
    }

    private static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02d-%02d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0,
            parts.second ?? 0)
    }
}
