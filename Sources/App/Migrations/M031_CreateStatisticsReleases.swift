import Fluent

/// Statistics releases: a set of tables frozen with its rule and threshold (only published counts are kept, hidden
/// ones never), who made it and who approved it, so that the public page, a download and a printed report from one
/// release agree.
struct M031_CreateStatisticsReleases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("statistics_releases")
            .id()
            .field("number", .int, .required)
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("threshold", .int, .required)
            .field("tables", .string, .required)
            .field("created_by_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("approved_by_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("approved_at", .datetime)
            .unique(on: "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("statistics_releases").delete()
    }
}
