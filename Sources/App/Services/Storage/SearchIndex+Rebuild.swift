import Fluent
import Foundation
import HavenDomain
import SQLKit

extension SearchIndex {
    /// Rebuilds both search indexes from the records' clear columns when either holds fewer entries than there are
    /// records to index (a restored backup, an index a migration had to recreate). Needs no key: restricted incidents
    /// are indexed by their filter words only, as they always are. Returns whether anything was rebuilt.
    @discardableResult
    static func rebuildIfIncomplete(on db: any Database, publishing: Publishing) async throws -> Bool {
        let sql = db as! any SQLDatabase
        let isSQLite = sql.dialect.name == "sqlite"
        let incidents =
            try await isSQLite
            ? Incident.query(on: db).count()
            : Incident.query(on: db).filter(\.$confidentiality != .restricted).count()
        let publications = try await Publication.query(on: db).count()
        let indexedIncidents = try await count(sql, "incident_search")
        let indexedPublications = try await count(sql, "publication_search")
        guard indexedIncidents < incidents || indexedPublications < publications else { return false }
        try await rebuildIncidents(on: db)
        try await rebuildPublications(on: db, publishing: publishing)
        return true
    }

    private static func count(_ sql: any SQLDatabase, _ table: String) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS total FROM \(ident: table)").first()?.decode(column: "total", as: Int.self) ?? 0
    }

    /// Every incident again: its folded text (unless restricted) and its filter words, from what is stored in clear.
    static func rebuildIncidents(on db: any Database) async throws {
        var after = 0
        while true {
            let page = try await Incident.query(on: db).filter(\.$seq > after).sort(\.$seq).limit(500).all()
            guard let last = page.last else { return }
            let facets = try await storedFacets(of: page.map(\.seq), on: db)
            try await db.transaction { tx in
                for record in page {
                    try await Incidents.index(record, facets: facets[record.seq] ?? [], on: tx)
                }
            }
            after = last.seq
        }
    }

    /// Every publication again.
    static func rebuildPublications(on db: any Database, publishing: Publishing) async throws {
        var after = 0
        while true {
            let page = try await Publication.query(on: db).filter(\.$seq > after).sort(\.$seq).limit(500).all()
            guard let last = page.last else { return }
            try await db.transaction { tx in
                for record in page {
                    try await Publishing.index(record, try await publishing.open(record, on: tx).draft, on: tx)
                }
            }
            after = last.seq
        }
    }

    /// The facets written with each incident (`type:V4.1`, `heading:…`, `perpetrator:…`).
    private static func storedFacets(of seqs: [Int], on db: any Database) async throws -> [Int: Set<String>] {
        guard !seqs.isEmpty else { return [:] }
        let rows = try await (db as! any SQLDatabase).select().column("incident_seq").column("facet").from("incident_facets")
            .where("incident_seq", .in, seqs).all()
        var facets: [Int: Set<String>] = [:]
        for row in rows {
            facets[try row.decode(column: "incident_seq", as: Int.self), default: []].insert(
                try row.decode(column: "facet", as: String.self))
        }
        return facets
    }
}
