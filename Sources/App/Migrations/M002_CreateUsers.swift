import Fluent

/// Staff accounts with sealed e-mail and key material.
struct M002_CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .id()
            .field("email_lookup", .string, .required)
            .field("email_sealed", .data, .required)
            .field("role", .string, .required)
            .field("status", .string, .required)
            .field("language", .string)
            .field("public_key", .data, .required)
            .field("password_sealed_private_key", .data)
            .field("recovery_sealed_private_key", .data, .required)
            .field("kdf_salt", .data)
            .field("kdf_parameters", .string)
            .field("verifier_hash", .string)
            .field("second_factor_sealed", .data)
            .field("second_factor_last_step", .int64)
            .field("created_at", .datetime)
            .unique(on: "email_lookup")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
    }
}
