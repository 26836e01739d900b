import Fluent

/// Earlier states of legal proceedings: each edit or removal keeps the proceeding as it was (sealed when the incident
/// is restricted), who changed it and when. Rows go with their incident.
struct M026_CreateProceedingRevisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("proceeding_revisions")
            .id()
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .field("proceeding_id", .uuid, .required)
            .field("actor_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("action", .string, .required)
            .field("previous", .data, .required)
            .field("changed_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("proceeding_revisions").delete()
    }
}
