import Fluent
import Foundation
import HavenDomain
import SQLKit

/// A full-text index keyed by a record's `seq` (`incident_search`, `publication_search`); the one place with
/// dialect-specific search SQL besides `IncidentQuery`'s combined filters.
///
/// SQLite: an FTS5 table with a `document` column (folded text) and a `facets` column (filter words). PostgreSQL: a
/// `tsvector` per `seq` with a GIN index; filters are SQL conditions there. Text and queries are folded by `SearchText`
/// on both, so both find the same things.
struct SearchIndex {
    let sql: any SQLDatabase
    let table: String

    init(_ db: any Database, table: String) {
        sql = db as! any SQLDatabase
        self.table = table
    }

    var isSQLite: Bool { sql.dialect.name == "sqlite" }

    /// Puts a record in the index, replacing what was there; an empty `document` (a restricted incident) keeps only its
    /// filter words on SQLite and nothing on PostgreSQL.
    func replace(seq: Int, document: String, facets: String) async throws {
        try await remove(seq: seq)
        if isSQLite {
            try await sql.raw(
                "INSERT INTO \(ident: table) (rowid, document, facets) VALUES (\(bind: seq), \(bind: document), \(bind: facets))"
            ).run()
        } else if !document.isEmpty {
            try await sql.raw(
                "INSERT INTO \(ident: table) (rowid, document) VALUES (\(bind: seq), to_tsvector('simple', \(bind: document)))"
            ).run()
        }
    }

    /// Takes a record out of the index.
    func remove(seq: Int) async throws {
        try await sql.raw("DELETE FROM \(ident: table) WHERE rowid = \(bind: seq)").run()
    }

    /// The condition "`owner.seq` is the seq of a record whose text matches the words"; nil when there are no words.
    func textCondition(_ owner: String, matching text: String) -> SQLQueryString? {
        if isSQLite {
            guard let expression = SearchText.fts5Expression(text) else { return nil }
            return
                "\(ident: owner).seq IN (SELECT rowid FROM \(ident: table) WHERE \(ident: table) MATCH \(bind: "document : (" + expression + ")"))"
        }
        guard let expression = SearchText.tsqueryExpression(text) else { return nil }
        return "\(ident: owner).seq IN (SELECT rowid FROM \(ident: table) WHERE document @@ to_tsquery('simple', \(bind: expression)))"
    }
}
