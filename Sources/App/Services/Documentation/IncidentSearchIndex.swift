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

    /// The filter tokens of an incident as stored.
    static func facets(of record: Incident, facets: Set<String>) -> String {
        FacetTokens.tokens(country: record.country, confidentiality: record.confidentiality, verification: record.verification, facets: facets,
                           from: record.startFrom, to: record.endTo).joined(separator: " ")
    }

    /// Puts an incident in the index, replacing what was there; `document` is empty for a restricted incident.
    func replace(seq: Int, document: String, facets: String) async throws {
        try await remove(seq: seq)
        if isSQLite {
            try await sql.raw("INSERT INTO incident_search (rowid, document, facets) VALUES (\(bind: seq), \(bind: document), \(bind: facets))").run()
        } else if !document.isEmpty {
            try await sql.raw("INSERT INTO incident_search (rowid, document) VALUES (\(bind: seq), to_tsvector('simple', \(bind: document)))").run()
        }
    }

    /// Takes an incident out of the index.
    func remove(seq: Int) async throws {
        try await sql.raw("DELETE FROM incident_search WHERE rowid = \(bind: seq)").run()
    }
}
