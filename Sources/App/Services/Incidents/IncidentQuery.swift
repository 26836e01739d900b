import Fluent
import Foundation
import HavenDomain
import SQLKit

/// Lists incidents by filters and full-text search, with exact totals.
///
/// SQLite: text and filters are one FTS5 query over `incident_search` (text words in `document`, filter tokens in
/// `facets`), so a total is an index intersection, not a row-by-row check. Search results are ranked (bm25) when at most
/// `Limits.ranking` incidents match; beyond that, ranking every match costs more than the page is worth, so they come in the
/// order they were recorded, newest first. Lists without words are ordered by incident date: when few match, the matches
/// are sorted; when many match, the date index is walked until a page is full.
/// PostgreSQL: the same filters as SQL conditions (its planner combines indexes well) and a `tsvector` for the words.
enum IncidentQuery {
    /// Up to how many matches searches are ranked and word-less lists sorted; beyond, recency order and the date walk.
    struct Limits: Sendable {
        var ranking = 1_000
        var sorting = 5_000
    }
    static let columns: SQLQueryString = """
        incidents.seq, incidents.code, incidents.confidentiality, incidents.title, incidents.country, incidents.start_date, \
        incidents.end_date, incidents.verification
        """
    static let dateOrder: SQLQueryString = " ORDER BY incidents.start_from DESC, incidents.seq DESC"

    static func run(_ filter: IncidentFilter, on db: any Database, limits: Limits = Limits()) async throws -> IncidentListResult {
        let sql = db as! any SQLDatabase
        let page = filter.boundedPage
        let window: SQLQueryString = " LIMIT \(literal: IncidentFilter.pageSize) OFFSET \(literal: (page - 1) * IncidentFilter.pageSize)"
        if sql.dialect.name == "sqlite" { return try await onSQLite(filter, sql: sql, window: window, limits: limits) }
        return try await withConditions(filter, on: db, window: window, limits: limits)
    }

    private static func onSQLite(_ filter: IncidentFilter, sql: any SQLDatabase, window: SQLQueryString, limits: Limits) async throws
        -> IncidentListResult
    {
        let text = SearchText.fts5Expression(filter.text)
        let facets = FacetTokens.expression(
            country: filter.countryCode, confidentiality: filter.onlyPublic ? .public : filter.confidentiality,
            verification: filter.verification, facets: filter.facets, from: filter.fromDate, to: filter.toDate)
        guard text != nil || facets != nil else {
            let total = try await count(sql, "SELECT COUNT(*) AS total FROM incidents")
            return IncidentListResult(
                rows: try await rows(sql, "SELECT " + columns + " FROM incidents" + dateOrder + window), total: total, isRanked: false)
        }
        let match = [text.map { "document : (\($0))" }, facets.map { "facets : (\($0))" }].compactMap { $0 }.joined(separator: " AND ")
        let total = try await count(sql, "SELECT COUNT(*) AS total FROM incident_search WHERE incident_search MATCH \(bind: match)")
        if text != nil {
            let isRanked = total <= limits.ranking
            let order: SQLQueryString = isRanked ? " ORDER BY bm25(incident_search, 1.0, 0.0)" : " ORDER BY incident_search.rowid DESC"
            let seqs = try await sql.raw(
                "SELECT rowid AS seq FROM incident_search WHERE incident_search MATCH \(bind: match)" + order + window
            ).all()
                .map { try $0.decode(column: "seq", as: Int.self) }
            guard !seqs.isEmpty else { return IncidentListResult(rows: [], total: total, isRanked: isRanked) }
            let found = Dictionary(
                try await rows(sql, "SELECT " + columns + " FROM incidents WHERE incidents.seq IN (\(binds: seqs))").map { ($0.seq, $0) },
                uniquingKeysWith: { first, _ in first })
            return IncidentListResult(rows: seqs.compactMap { found[$0] }, total: total, isRanked: isRanked)
        }
        if total <= limits.sorting {
            let matching: SQLQueryString = "incidents.seq IN (SELECT rowid FROM incident_search WHERE incident_search MATCH \(bind: match))"
            return IncidentListResult(
                rows: try await rows(sql, "SELECT " + columns + " FROM incidents WHERE " + matching + dateOrder + window),
                total: total, isRanked: false)
        }
        let walk: SQLQueryString =
            "SELECT " + columns + " FROM incidents INDEXED BY incidents_by_start WHERE "
            + conditions(filter).joined(separator: " AND ") + dateOrder + window
        return IncidentListResult(rows: try await rows(sql, walk), total: total, isRanked: false)
    }

    private static func withConditions(_ filter: IncidentFilter, on db: any Database, window: SQLQueryString, limits: Limits) async throws
        -> IncidentListResult
    {
        let sql = db as! any SQLDatabase
        var conditions = self.conditions(filter)
        let search = SearchText.tsqueryExpression(filter.text)
        if let words = SearchIndex(db, table: "incident_search").textCondition("incidents", matching: filter.text) {
            conditions.append(words)
        }
        let whereClause: SQLQueryString = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let total = try await count(sql, "SELECT COUNT(*) AS total FROM incidents" + whereClause)
        let isRanked = search != nil && total <= limits.ranking
        var order = dateOrder
        if let search {
            order =
                isRanked
                ? " ORDER BY (SELECT ts_rank(document, to_tsquery('simple', \(bind: search))) FROM incident_search WHERE rowid = incidents.seq) DESC"
                : " ORDER BY incidents.seq DESC"
        }
        return IncidentListResult(
            rows: try await rows(sql, "SELECT " + columns + " FROM incidents" + whereClause + order + window),
            total: total, isRanked: isRanked)
    }

    /// The filters as SQL conditions on `incidents`, dates widened to whole months as in `FacetTokens`.
    static func conditions(_ filter: IncidentFilter) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        if let confidentiality = filter.onlyPublic ? .public : filter.confidentiality {
            conditions.append("incidents.confidentiality = \(bind: confidentiality.rawValue)")
        }
        if let country = filter.countryCode { conditions.append("incidents.country = \(bind: country)") }
        if let bounds = FacetTokens.monthBounds(from: filter.fromDate, to: filter.toDate) {
            conditions.append("incidents.end_to >= \(bind: bounds.from) AND incidents.start_from <= \(bind: bounds.to)")
        }
        if let verification = filter.verification { conditions.append("incidents.verification = \(bind: verification.rawValue)") }
        for facet in filter.facets {
            conditions.append(
                "EXISTS (SELECT 1 FROM incident_facets WHERE incident_facets.facet = \(bind: facet) AND incident_facets.incident_seq = incidents.seq)"
            )
        }
        return conditions
    }

    private static func count(_ sql: any SQLDatabase, _ query: SQLQueryString) async throws -> Int {
        try await sql.raw(query).first()?.decode(column: "total", as: Int.self) ?? 0
    }

    private static func rows(_ sql: any SQLDatabase, _ query: SQLQueryString) async throws -> [IncidentListRow] {
        try await sql.raw(query).all().map { row in
            IncidentListRow(
                seq: try row.decode(column: "seq", as: Int.self), code: try row.decode(column: "code", as: String.self),
                confidentiality: Confidentiality(rawValue: try row.decode(column: "confidentiality", as: String.self)) ?? .restricted,
                title: try row.decode(column: "title", as: String.self), country: try row.decode(column: "country", as: String.self),
                startDate: try row.decode(column: "start_date", as: String.self),
                endDate: try row.decode(column: "end_date", as: String?.self),
                verification: VerificationStatus(rawValue: try row.decode(column: "verification", as: String.self)) ?? .unverified)
        }
    }
}
