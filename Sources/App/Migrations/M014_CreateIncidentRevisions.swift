import Fluent

/// Every earlier state of an incident: who changed it, when, which fields, and the previous values (sealed when restricted).
struct M014_CreateIncidentRevisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("incident_revisions")
            .id()
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .field("actor_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("changed_fields", .string, .required)
            .field("previous", .data, .required)
            .field("changed_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("incident_revisions").delete()
    }
}
