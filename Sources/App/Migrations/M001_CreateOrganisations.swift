import Fluent

/// The instance's organisation and its recovery public key.
struct M001_CreateOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("name", .string, .required)
            .field("recovery_public_key", .data, .required)
            .field("requires_second_factor", .bool, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisations").delete()
    }
}
