import Fluent
import SQLKit

/// Brings the search indexes of instances created while M016 and M019 still had earlier shapes to the current one:
/// on SQLite an index without the `facets` column is recreated empty (Haven rebuilds it from the records at start), and
/// `secure-delete` is switched on for both FTS5 tables; on PostgreSQL the publication index loses the `facets` column
/// it once had. Later changes come as new migrations, never as edits of landed ones.
struct M020_RepairSearchIndexes: AsyncMigration {
    static let definitions = [
        "incident_search": "CREATE VIRTUAL TABLE incident_search USING fts5(document, facets, tokenize = \"unicode61 remove_diacritics 2 tokenchars '_'\", detail = column, prefix = '3')",
        "publication_search": "CREATE VIRTUAL TABLE publication_search USING fts5(document, facets, tokenize = \"unicode61 remove_diacritics 2 tokenchars '_'\", detail = column, prefix = '3')",
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            for (table, definition) in Self.definitions.sorted(by: { $0.key < $1.key }) {
                let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all().map { try $0.decode(column: "name", as: String.self) }
                if !columns.contains("facets") {
                    try await sql.raw("DROP TABLE IF EXISTS \(ident: table)").run()
                    try await sql.raw(SQLQueryString(definition)).run()
                }
                try await sql.raw("INSERT INTO \(ident: table) (\(ident: table), rank) VALUES ('secure-delete', 1)").run()
            }
        } else {
            try await sql.raw("ALTER TABLE publication_search DROP COLUMN IF EXISTS facets").run()
        }
    }

    /// Nothing to undo: the indexes keep their current shape.
    func revert(on database: any Database) async throws {}
}
