import Fluent

/// Links between cases (requests for help) and the incidents they concern.
struct M018_CreateCaseIncidents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("case_incidents")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .unique(on: "case_id", "incident_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_incidents").delete()
    }
}
