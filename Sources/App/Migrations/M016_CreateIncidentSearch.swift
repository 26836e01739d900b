import Fluent
import SQLKit

/// The search index, keyed by `seq`. SQLite: one FTS5 table with the folded text of public and internal incidents
/// (`document`, empty for restricted ones) and every incident's filter tokens (`facets`, see `FacetTokens`), with an index
/// of three-letter prefixes. PostgreSQL: a `tsvector` of the text with a GIN index (filters use ordinary indexes there).
struct M016_CreateIncidentSearch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE VIRTUAL TABLE incident_search USING fts5(document, facets, tokenize = \"unicode61 remove_diacritics 2 tokenchars '_'\", detail = column, prefix = '3')").run()
            // Deleted and replaced documents leave the index at once instead of lingering in old segments until a merge.
            try await sql.raw("INSERT INTO incident_search (incident_search, rank) VALUES ('secure-delete', 1)").run()
        } else {
            try await sql.raw("CREATE TABLE incident_search (rowid BIGINT PRIMARY KEY REFERENCES incidents (seq) ON DELETE CASCADE, document TSVECTOR NOT NULL)").run()
            try await sql.raw("CREATE INDEX incident_search_document ON incident_search USING GIN (document)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE incident_search").run()
    }
}
