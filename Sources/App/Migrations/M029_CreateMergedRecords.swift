import Fluent

/// Records merged into another: the merged record's code and id and the survivor's id, so old links, bookmarks and
/// sealed references (a restricted act naming a merged person) still find the survivor.
struct M029_CreateMergedRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("merged_records")
            .id()
            .field("record_table", .string, .required)
            .field("merged_id", .uuid, .required)
            .field("code", .string, .required)
            .field("survivor_id", .uuid, .required)
            .field("merged_at", .datetime, .required)
            .unique(on: "record_table", "code")
            .unique(on: "record_table", "merged_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("merged_records").delete()
    }
}
