import Fluent

/// One-time invitation and recovery codes.
struct M003_CreateCredentialCodes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("credential_codes")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("code_digest", .string, .required)
            .field("sealed_private_key", .data, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "code_digest")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("credential_codes").delete()
    }
}
