import Fluent

/// Evidence files (sealed, in chunks, under random names) and their custody log.
struct M013_CreateEvidence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("evidence")
            .id()
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .field("source_id", .uuid, .references("incident_sources", "id", onDelete: .setNull))
            .field("stored_name", .string, .required)
            .field("key_sealed", .data, .required)
            .field("about_sealed", .data, .required)
            .field("size", .int64, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
        try await database.schema("evidence_custody")
            .id()
            .field("evidence_id", .uuid, .required, .references("evidence", "id", onDelete: .cascade))
            .field("actor_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("action", .string, .required)
            .field("happened_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("evidence_custody").delete()
        try await database.schema("evidence").delete()
    }
}
