import Fluent
import SQLKit

/// Indexes for the queries a flood of reports or a long history makes slow: a staff member's key copies by kind, the
/// inbox by arrival, read marks by reader, cases by activity.
struct M023_AddAccessIndexes: AsyncMigration {
    static let indexes = [
        ("key_grants_by_holder", "key_grants", "holder_user_id, record_table, record_id"),
        ("reports_by_received", "reports", "received_at"),
        ("report_reads_by_user", "report_reads", "user_id, report_id"),
        ("cases_by_activity", "cases", "last_activity_at"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (name, table, columns) in Self.indexes {
            try await sql.raw("CREATE INDEX IF NOT EXISTS \(ident: name) ON \(ident: table) (\(unsafeRaw: columns))").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (name, _, _) in Self.indexes { try await sql.raw("DROP INDEX IF EXISTS \(ident: name)").run() }
    }
}
