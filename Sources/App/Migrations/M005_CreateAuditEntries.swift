import Fluent

/// The hash-chained audit log.
struct M005_CreateAuditEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries")
            .field("sequence", .int64, .identifier(auto: false))
            .field("occurred_at", .int64, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("target_table", .string, .required)
            .field("target_id", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_entries").delete()
    }
}
