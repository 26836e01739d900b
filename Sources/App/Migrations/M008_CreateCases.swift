import Fluent

/// Cases, their sealed notes and their timelines.
struct M008_CreateCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cases")
            .id()
            .field("code", .string, .required)
            .field("status", .string, .required)
            .field("closing_reason", .string)
            .field("risk", .string, .required)
            .field("needs", .string, .required)
            .field("consents_to_services", .bool, .required)
            .field("consents_to_sharing", .bool, .required)
            .field("consents_to_statistics", .bool, .required)
            .field("requester_sealed", .data, .required)
            .field("source_report_id", .uuid)
            .field("opened_at", .datetime, .required)
            .field("last_activity_at", .datetime, .required)
            .unique(on: "code")
            .create()
        try await database.schema("case_notes")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("author_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("body_sealed", .data, .required)
            .field("written_at", .datetime, .required)
            .create()
        try await database.schema("case_events")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("actor_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("kind", .string, .required)
            .field("detail", .string, .required)
            .field("happened_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["case_events", "case_notes", "cases"] {
            try await database.schema(table).delete()
        }
    }
}
