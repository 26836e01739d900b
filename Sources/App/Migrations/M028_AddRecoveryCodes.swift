import Fluent

/// Ways back in without an administrator: each user's private key also sealed under their personal recovery code (with
/// the code's digest to find it), and ten one-time backup codes for the second factor, stored as keyed hashes.
struct M028_AddRecoveryCodes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("personal_recovery_sealed_key", .data).update()
        try await database.schema("users").field("personal_recovery_digest", .string).update()
        try await database.schema("second_factor_backup_codes")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("digest", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "digest")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("second_factor_backup_codes").delete()
        try await database.schema("users").deleteField("personal_recovery_digest").update()
        try await database.schema("users").deleteField("personal_recovery_sealed_key").update()
    }
}
