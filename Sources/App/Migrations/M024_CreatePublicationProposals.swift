import Fluent

/// Proposed edits of published or scheduled publications by staff who may not publish: one waits per publication until
/// a publisher approves or rejects it; the site keeps showing the published text meanwhile.
struct M024_CreatePublicationProposals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("publication_proposals")
            .id()
            .field("publication_id", .uuid, .required, .references("publications", "id", onDelete: .cascade))
            .field("author_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("draft", .data, .required)
            .field("proposed_at", .datetime, .required)
            .unique(on: "publication_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("publication_proposals").delete()
    }
}
