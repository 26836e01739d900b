import Fluent
import SQLKit

/// Publications (news, statements, joint statements, event reports) with their translations inside one record, their
/// links to public incidents, signatory organisations, revisions, the content languages, the site's own pages (about),
/// and the search index.
struct M019_CreatePublications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("content_languages")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema("publications")
            .id()
            .field("seq", .int64, .required)
            .field("slug", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("original_language", .string, .required)
            .field("content", .data, .required)
            .field("date", .string, .required)
            .field("published_at", .datetime)
            .field("countries", .string, .required)
            .field("categories", .string, .required)
            .field("languages", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "seq")
            .unique(on: "slug")
            .create()
        try await database.schema("signatories")
            .id()
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .unique(on: "name_key")
            .create()
        try await database.schema("publication_signatories")
            .id()
            .field("publication_id", .uuid, .required, .references("publications", "id", onDelete: .cascade))
            .field("signatory_id", .uuid, .required, .references("signatories", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .create()
        try await database.schema("publication_incidents")
            .id()
            .field("publication_id", .uuid, .required, .references("publications", "id", onDelete: .cascade))
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .create()
        try await database.schema("publication_revisions")
            .id()
            .field("publication_id", .uuid, .required, .references("publications", "id", onDelete: .cascade))
            .field("actor_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("action", .string, .required)
            .field("snapshot", .data, .required)
            .field("changed_at", .datetime, .required)
            .create()
        try await database.schema("site_pages")
            .field("name", .string, .identifier(auto: false))
            .field("content", .data, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX publications_by_status_published ON publications (status, published_at)").run()
        try await sql.raw("CREATE INDEX publication_signatories_by_publication ON publication_signatories (publication_id)").run()
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE VIRTUAL TABLE publication_search USING fts5(document, facets, tokenize = \"unicode61 remove_diacritics 2 tokenchars '_'\", detail = column, prefix = '3')").run()
            try await sql.raw("INSERT INTO publication_search (publication_search, rank) VALUES ('secure-delete', 1)").run()
        } else {
            try await sql.raw("CREATE TABLE publication_search (rowid BIGINT PRIMARY KEY REFERENCES publications (seq) ON DELETE CASCADE, document TSVECTOR NOT NULL)").run()
            try await sql.raw("CREATE INDEX publication_search_document ON publication_search USING GIN (document)").run()
        }
        for (position, language) in [("en", "English"), ("ru", "Русский"), ("ro", "Română")].enumerated() {
            try await sql.insert(into: "content_languages").columns("code", "name", "position")
                .values(SQLBind(language.0), SQLBind(language.1), SQLBind(position)).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE publication_search").run()
        for table in ["site_pages", "publication_revisions", "publication_incidents", "publication_signatories", "signatories", "publications", "content_languages"] {
            try await database.schema(table).delete()
        }
    }
}
