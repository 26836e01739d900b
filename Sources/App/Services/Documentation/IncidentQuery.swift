import Fluent
import Foundation
import HavenDomain
import SQLKit

/// The filters of the incident list; every field optional.
struct IncidentFilter: Sendable, Equatable {
    var text = ""
    var country = ""
    /// A family (`V4`) or a type (`V4.1`).
    var type = ""
    var heading = ""
    /// Typed dates (`2020`, `2020-02`, `2020-06-08`): incidents overlapping the range.
    var from = ""
    var to = ""
    var confidentiality: Confidentiality?
    var verification: VerificationStatus?
    var perpetratorType = ""
    var page = 1
    /// Only public incidents (the public site).
    var onlyPublic = false

    static let pageSize = 20
}

/// One line of the incident list: clear columns only (restricted titles are sealed and never listed).
struct IncidentListRow: Sendable {
    let seq: Int
    let code: String
    let confidentiality: Confidentiality
    let title: String
    let country: String
    let startDate: String
    let endDate: String?
    let verification: VerificationStatus
}

/// A page of the incident list.
struct IncidentListResult: Sendable {
    let rows: [IncidentListRow]
    let total: Int
    /// True when search results are ordered by relevance; false when they are too many and come newest first.
    let isRanked: Bool
}

/// Lists incidents by filters and full-text search; plain SQL through SQLKit, the index part from `IncidentSearchIndex`.
///
/// Search results are ranked (bm25 or ts_rank) when at most `rankingLimit` incidents match; beyond that, ranking every
/// match costs more than the page is worth, so they come in the order they were recorded, newest first.
enum IncidentQuery {
    static let rankingLimit = 2_000

    static func run(_ filter: IncidentFilter, on db: any Database) async throws -> IncidentListResult {
        let sql = db as! any SQLDatabase
        let index = IncidentSearchIndex(db)
        var conditions = self.conditions(filter)
        let search = index.clause(for: filter.text)
        let from: SQLQueryString = search == nil ? "incidents" : "incident_search JOIN incidents ON incidents.seq = incident_search.rowid"
        if let search { conditions.append(search.condition) }
        let whereClause: SQLQueryString = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let total = try await sql.raw("SELECT COUNT(*) AS total FROM " + from + whereClause).first()?.decode(column: "total", as: Int.self) ?? 0
        let isRanked = search != nil && total <= rankingLimit
        let order: SQLQueryString = search.map { isRanked ? $0.relevanceOrder : $0.recencyOrder } ?? "incidents.start_from DESC, incidents.seq DESC"
        let page = max(1, min(filter.page, 10_000))
        let rows = try await sql.raw("""
            SELECT incidents.seq, incidents.code, incidents.confidentiality, incidents.title, incidents.country, incidents.start_date,
                   incidents.end_date, incidents.verification FROM
            """ + " " + from + whereClause + " ORDER BY " + order
            + " LIMIT \(literal: IncidentFilter.pageSize) OFFSET \(literal: (page - 1) * IncidentFilter.pageSize)").all()
        return IncidentListResult(rows: try rows.map { row in
            IncidentListRow(seq: try row.decode(column: "seq", as: Int.self), code: try row.decode(column: "code", as: String.self),
                            confidentiality: Confidentiality(rawValue: try row.decode(column: "confidentiality", as: String.self)) ?? .restricted,
                            title: try row.decode(column: "title", as: String.self), country: try row.decode(column: "country", as: String.self),
                            startDate: try row.decode(column: "start_date", as: String.self),
                            endDate: try row.decode(column: "end_date", as: String?.self),
                            verification: VerificationStatus(rawValue: try row.decode(column: "verification", as: String.self)) ?? .unverified)
        }, total: total, isRanked: isRanked)
    }

    private static func conditions(_ filter: IncidentFilter) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        if filter.onlyPublic {
            conditions.append("incidents.confidentiality = \(bind: Confidentiality.public.rawValue)")
        } else if let confidentiality = filter.confidentiality {
            conditions.append("incidents.confidentiality = \(bind: confidentiality.rawValue)")
        }
        if let country = Country(code: filter.country) { conditions.append("incidents.country = \(bind: country.code)") }
        if let from = PartialDate(parsing: filter.from) { conditions.append("incidents.end_to >= \(bind: from.earliestDay)") }
        if let to = PartialDate(parsing: filter.to) { conditions.append("incidents.start_from <= \(bind: to.latestDay)") }
        if let verification = filter.verification { conditions.append("incidents.verification = \(bind: verification.rawValue)") }
        var facets: [String] = []
        if !filter.type.isEmpty { facets.append(filter.type.contains(".") ? "type:\(filter.type)" : "family:\(filter.type)") }
        if !filter.heading.isEmpty { facets.append("heading:\(filter.heading)") }
        if !filter.perpetratorType.isEmpty { facets.append("perpetrator:\(filter.perpetratorType)") }
        for facet in facets {
            conditions.append("incidents.seq IN (SELECT incident_seq FROM incident_facets WHERE facet = \(bind: facet))")
        }
        return conditions
    }
}
