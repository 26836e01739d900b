import Fluent
import SQLKit

/// Persons with a pseudonymous code and sealed identity, and keyed hashes of their name words for duplicate checks.
struct M011_CreatePersons: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("persons")
            .id()
            .field("code", .string, .required)
            .field("identity_sealed", .data, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "code")
            .create()
        try await database.schema("person_name_tokens")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id", onDelete: .cascade))
            .field("token", .string, .required)
            .create()
        try await (database as! any SQLDatabase).raw("CREATE INDEX person_name_tokens_by_token ON person_name_tokens (token)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("person_name_tokens").delete()
        try await database.schema("persons").delete()
    }
}
