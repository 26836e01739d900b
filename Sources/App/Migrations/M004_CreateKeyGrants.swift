import Fluent

/// Sealed copies of record data keys, one per holder.
struct M004_CreateKeyGrants: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("key_grants")
            .id()
            .field("record_table", .string, .required)
            .field("record_id", .string, .required)
            .field("holder_user_id", .uuid, .references("users", "id", onDelete: .cascade))
            .field("sealed_key", .data, .required)
            .unique(on: "record_table", "record_id", "holder_user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("key_grants").delete()
    }
}
