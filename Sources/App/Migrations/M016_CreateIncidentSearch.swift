import Fluent
import SQLKit

/// The clear-text search index of public and internal incidents (restricted ones are never in it), keyed by `seq`:
/// FTS5 on SQLite, a `tsvector` with a GIN index on PostgreSQL. Text is folded by `SearchText` before it is indexed.
struct M016_CreateIncidentSearch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE VIRTUAL TABLE incident_search USING fts5(document, tokenize = 'unicode61 remove_diacritics 2', detail = column)").run()
        } else {
            try await sql.raw("CREATE TABLE incident_search (rowid BIGINT PRIMARY KEY REFERENCES incidents (seq) ON DELETE CASCADE, document TSVECTOR NOT NULL)").run()
            try await sql.raw("CREATE INDEX incident_search_document ON incident_search USING GIN (document)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE incident_search").run()
    }
}
