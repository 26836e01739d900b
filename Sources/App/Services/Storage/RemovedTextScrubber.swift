import Fluent
import Foundation
import SQLKit
import Vapor

/// What a change that removes clear text (restricting an incident, deleting junk, erasing a case, retention) does after
/// its transaction: on SQLite, the write-ahead log is copied into the database file, where `secure_delete` zeroes the
/// freed pages, and truncated to nothing, so the removed text does not wait in `haven.sqlite-wal` until later writes
/// overwrite it. PostgreSQL keeps old row versions until VACUUM and in its own WAL; SECURITY.md says so.
struct RemovedTextScrubber: Sendable {
    let logger: Logger

    /// Checkpoints and truncates the write-ahead log; retried a few times while readers hold older snapshots.
    func scrub(_ db: any Database) async {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        for attempt in 1...10 {
            do {
                let row = try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").first()
                if try row?.decode(column: "busy", as: Int.self) == 0 { return }
            } catch {
                logger.warning("write-ahead log checkpoint failed", metadata: ["error": "\(type(of: error))"])
                return
            }
            try? await Task.sleep(for: .milliseconds(20 * attempt))
        }
        logger.warning("write-ahead log checkpoint stayed busy; removed text leaves it at the next checkpoint")
    }
}
