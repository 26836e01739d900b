import Fluent
import SQLKit

/// Backups and safe numbering: the extra age recipients every backup is also encrypted to, the record of scheduled
/// backups (for the administrators' page), and a counter row per numbered record kind, so writers on PostgreSQL never
/// take the same number (the row is locked by the update until the writer commits).
struct M025_CreateBackupsAndCounters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("backup_recipients")
            .id()
            .field("label", .string, .required)
            .field("recipient", .string, .required)
            .field("added_at", .datetime, .required)
            .unique(on: "recipient")
            .create()
        try await database.schema("backup_runs")
            .id()
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .field("bytes", .int64, .required)
            .field("file_name", .string, .required)
            .field("problem", .string)
            .create()
        try await database.schema("counters")
            .field("name", .string, .identifier(auto: false))
            .field("value", .int64, .required)
            .create()
        let sql = database as! any SQLDatabase
        for (name, table) in [("incidents", "incidents"), ("publications", "publications")] {
            try await sql.raw(
                "INSERT INTO counters (name, value) SELECT \(bind: name), COALESCE(MAX(seq), 0) FROM \(ident: table)"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("counters").delete()
        try await database.schema("backup_runs").delete()
        try await database.schema("backup_recipients").delete()
    }
}
