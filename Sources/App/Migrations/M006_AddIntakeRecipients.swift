import Fluent

/// Marks the staff who receive anonymous reports.
struct M006_AddIntakeRecipients: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("receives_intake", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("receives_intake").update()
    }
}
