import Fluent

/// Staff display names, sealed under the colleagues key (every staff member holds a copy): colleagues see each other's
/// names in access lists, timelines and revisions; a seized disk shows none.
struct M022_AddDisplayNames: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("display_name_sealed", .data).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("display_name_sealed").update()
    }
}
