import Fluent

/// Acts (what was done to a victim, with who did it) and sources of an incident. Their details are JSON, sealed under
/// the incident's key when the incident is restricted; person links are kept in clear only for other incidents.
struct M012_CreateActsAndSources: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("acts")
            .id()
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("victim_person_id", .uuid, .references("persons", "id", onDelete: .setNull))
            .field("perpetrator_person_id", .uuid, .references("persons", "id", onDelete: .setNull))
            .field("details", .data, .required)
            .create()
        try await database.schema("incident_sources")
            .id()
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("details", .data, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("incident_sources").delete()
        try await database.schema("acts").delete()
    }
}
