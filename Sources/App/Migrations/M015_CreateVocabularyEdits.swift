import Fluent

/// Administrators' changes to the shipped vocabularies: relabelled, added and retired terms.
struct M015_CreateVocabularyEdits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("vocabulary_edits")
            .id()
            .field("vocabulary", .string, .required)
            .field("code", .string, .required)
            .field("parent", .string)
            .field("label_en", .string, .required)
            .field("label_ru", .string, .required)
            .field("label_ro", .string, .required)
            .field("is_retired", .bool, .required)
            .unique(on: "vocabulary", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("vocabulary_edits").delete()
    }
}
