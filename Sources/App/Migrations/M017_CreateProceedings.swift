import Fluent

/// Legal proceedings of an incident (court, case number, charge, stage, decision, penalty, representation) and their
/// hearings; details as JSON, sealed when the incident is restricted. Hearing days (dates only) stay in clear for the
/// list of upcoming hearings.
struct M017_CreateProceedings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("proceedings")
            .id()
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .field("details", .data, .required)
            .field("hearing_days", .string, .required)
            .field("appeal_deadline", .string)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("proceedings").delete()
    }
}
