import Fluent
import Foundation
import HavenDomain
import SQLKit

/// The full-text index of public and internal incidents; the only place with dialect-specific search SQL.
///
/// SQLite: an FTS5 table whose rowid is the incident's `seq`. PostgreSQL: a `tsvector` per `seq` with a GIN index.
/// Text and queries are folded by `SearchText` on both, so both find the same things.
struct IncidentSearchIndex {
    let sql: any SQLDatabase

    init(_ db: any Database) {
        sql = db as! any SQLDatabase
    }

    var isSQLite: Bool { sql.dialect.name == "sqlite" }

    /// The indexed document of an incident: title, description, place and source titles, folded.
    static func document(_ narrative: IncidentNarrative, sourceTitles: [String]) -> String {
        SearchText.fold(([narrative.title, narrative.description, narrative.region, narrative.city] + sourceTitles).joined(separator: " "))
    }

    /// Puts an incident's document in the index, replacing what was there.
    func replace(seq: Int, document: String) async throws {
        try await remove(seq: seq)
        if isSQLite {
            try await sql.raw("INSERT INTO incident_search (rowid, document) VALUES (\(bind: seq), \(bind: document))").run()
        } else {
            try await sql.raw("INSERT INTO incident_search (rowid, document) VALUES (\(bind: seq), to_tsvector('simple', \(bind: document)))").run()
        }
    }

    /// Takes an incident out of the index (when it becomes restricted or is deleted).
    func remove(seq: Int) async throws {
        try await sql.raw("DELETE FROM incident_search WHERE rowid = \(bind: seq)").run()
    }

    /// How a query joins the index: the condition on `incident_search`, and the orders by relevance and by recency.
    struct Clause {
        let condition: SQLQueryString
        let relevanceOrder: SQLQueryString
        let recencyOrder: SQLQueryString = "incident_search.rowid DESC"
    }

    /// The clause for a typed query; nil when the query has no words.
    func clause(for query: String) -> Clause? {
        if isSQLite {
            guard let expression = SearchText.fts5Expression(query) else { return nil }
            return Clause(condition: "incident_search MATCH \(bind: expression)", relevanceOrder: "incident_search.rank")
        }
        guard let expression = SearchText.tsqueryExpression(query) else { return nil }
        return Clause(condition: "incident_search.document @@ to_tsquery('simple', \(bind: expression))",
                      relevanceOrder: "ts_rank(incident_search.document, to_tsquery('simple', \(bind: expression))) DESC")
    }
}
