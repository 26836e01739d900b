import Fluent
import Foundation
import HavenDomain
import SQLKit

/// Counts incidents by their clear fields — restricted incidents too, through the fields every incident keeps in clear,
/// never through their sealed narrative — and protects tables for sharing with `GaussSuppression`. Nothing here lists
/// an incident or a person.
struct Statistics: Sendable {
    /// Counts below this are hidden in protected tables (`HAVEN_STATISTICS_THRESHOLD`).
    let threshold: Int

    /// One incident's clear fields, as counted.
    struct Counted: Sendable {
        let seq: Int
        let country: String
        let startDate: String
        let startFrom: String
        let endTo: String
        let confidentiality: String
        let verification: String
        let violation: String
        var facets: Set<String> = []
    }

    /// The table asked for.
    func table(_ query: StatisticsQuery, on db: any Database) async throws -> StatisticsTable {
        let counted = try await incidents(on: db).filter { Self.matches($0, query.filter) }
        let records = counted.map { Self.record($0, dimensions: [query.rows] + (query.columns.map { [$0] } ?? [])) }
        let rows = Self.values(query.rows, in: records)
        let columns = query.columns.map { ($0.rawValue, Self.values($0, in: records)) }
        let table = CrossTable(records, rows: (query.rows.rawValue, rows), columns: columns)
        guard query.isProtected else {
            return StatisticsTable(rowsBy: query.rows, columnsBy: query.columns, table: table, statuses: nil, threshold: nil)
        }
        var statuses = GaussSuppression.suppress(table.model, threshold: threshold)
        if !DisclosureVerifier.recoverable(table.model, statuses).isEmpty {
            // The independent check disagrees with the suppression: show nothing rather than something that discloses.
            statuses = statuses.map { $0 == .primary ? .primary : .secondary }
        }
        return StatisticsTable(rowsBy: query.rows, columnsBy: query.columns, table: table, statuses: statuses, threshold: threshold)
    }

    /// The tables of a release over the public and internal incidents that pass `filter`, built over the same inner
    /// cells and protected together at `threshold`, so that no table gives away a cell another hides.
    func release(
        _ layouts: [(rows: StatisticsDimension, columns: StatisticsDimension?)], filter: IncidentFilter, threshold: Int,
        on db: any Database
    ) async throws -> [StatisticsTable] {
        let counted = try await incidents(on: db).filter {
            $0.confidentiality != Confidentiality.restricted.rawValue && Self.matches($0, filter)
        }
        let dimensions = Array(Set(layouts.flatMap { [$0.rows] + ($0.columns.map { [$0] } ?? []) }))
        let records = counted.map { Self.record($0, dimensions: dimensions) }
        let crossLayouts = layouts.map { layout in
            CrossTable.Layout(
                rows: (layout.rows.rawValue, Self.values(layout.rows, in: records)),
                columns: layout.columns.map { ($0.rawValue, Self.values($0, in: records)) })
        }
        let tables = CrossTable.release(records, crossLayouts)
        let model = DisclosureModel.combining(tables.map(\.model))
        var statuses = GaussSuppression.suppress(model, threshold: threshold)
        if !DisclosureVerifier.recoverable(model, statuses).isEmpty { statuses = statuses.map { $0 == .primary ? .primary : .secondary } }
        var offset = 0
        return zip(layouts, tables).map { layout, table in
            defer { offset += table.model.cells.count }
            return StatisticsTable(
                rowsBy: layout.rows, columnsBy: layout.columns, table: table,
                statuses: Array(statuses[offset..<(offset + table.model.cells.count)]), threshold: threshold)
        }
    }

    /// Every incident's clear fields and facets, in two queries.
    func incidents(on db: any Database) async throws -> [Counted] {
        let sql = db as! any SQLDatabase
        var bySeq: [Int: Counted] = [:]
        let columns = ["seq", "country", "start_date", "start_from", "end_to", "confidentiality", "verification", "violation_status"]
        for row in try await sql.select().columns(columns.map { SQLColumn($0) }).from(Incident.schema).all() {
            let seq = try row.decode(column: "seq", as: Int.self)
            bySeq[seq] = Counted(
                seq: seq, country: try row.decode(column: "country", as: String.self),
                startDate: try row.decode(column: "start_date", as: String.self),
                startFrom: try row.decode(column: "start_from", as: String.self), endTo: try row.decode(column: "end_to", as: String.self),
                confidentiality: try row.decode(column: "confidentiality", as: String.self),
                verification: try row.decode(column: "verification", as: String.self),
                violation: try row.decode(column: "violation_status", as: String.self))
        }
        for row in try await sql.select().columns(SQLColumn("incident_seq"), SQLColumn("facet")).from("incident_facets").all() {
            let seq = try row.decode(column: "incident_seq", as: Int.self)
            bySeq[seq]?.facets.insert(try row.decode(column: "facet", as: String.self))
        }
        return bySeq.values.sorted { $0.seq < $1.seq }
    }

    /// Whether an incident passes the list's filters (text and page do not apply to counts).
    static func matches(_ incident: Counted, _ filter: IncidentFilter) -> Bool {
        if let country = filter.countryCode, incident.country != country { return false }
        if let confidentiality = filter.confidentiality, incident.confidentiality != confidentiality.rawValue { return false }
        if let verification = filter.verification, incident.verification != verification.rawValue { return false }
        if !filter.facets.allSatisfy(incident.facets.contains) { return false }
        if let from = filter.fromDate, incident.endTo < from.earliestDay { return false }
        if let to = filter.toDate, incident.startFrom > to.latestDay { return false }
        return true
    }

    /// An incident's values for the dimensions counted.
    static func record(_ incident: Counted, dimensions: [StatisticsDimension]) -> StatisticsRecord {
        var values: [String: Set<String>] = [:]
        for dimension in dimensions { values[dimension.rawValue] = Self.values(of: incident, dimension) }
        return StatisticsRecord(values)
    }

    static func values(of incident: Counted, _ dimension: StatisticsDimension) -> Set<String> {
        switch dimension {
        case .year, .month: return [dimension.timeValue(startDate: incident.startDate) ?? StatisticsDimension.none]
        case .country: return [incident.country.isEmpty ? StatisticsDimension.none : incident.country]
        case .verification: return [incident.verification]
        case .violation: return [incident.violation.isEmpty ? StatisticsDimension.none : incident.violation]
        case .confidentiality: return [incident.confidentiality]
        case .need, .caseStatus, .closingReason, .risk: return [StatisticsDimension.none]
        case .heading, .family, .type, .perpetrator:
            let prefix = dimension.facetPrefix!
            let found = Set(incident.facets.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) })
            return found.isEmpty ? [StatisticsDimension.none] : found
        }
    }

    /// The values that occur, in order: time ascending, everything else by code ("none" last).
    static func values(_ dimension: StatisticsDimension, in records: [StatisticsRecord]) -> [String] {
        let found = Set(records.flatMap { $0.values(of: dimension.rawValue) })
        return found.sorted { left, right in
            if (left == StatisticsDimension.none) != (right == StatisticsDimension.none) { return right == StatisticsDimension.none }
            return left < right
        }
    }
}
