import Fluent
import Foundation
import HavenDomain

/// Statistics releases: the standard tables over public and internal incidents of a period, protected together
/// (complementary suppression across all of them, checked by the independent verifier), frozen as drafts and
/// approved by an administrator. The public page shows the latest approved release; each release shows what changed
/// since the one approved before it, so two releases are never differenced unnoticed.
struct StatisticsReleases: Sendable {
    let statistics: Statistics
    let audit: AuditLog

    /// The tables of every release: by year, by heading, country × heading, year × type family.
    static let layouts: [(rows: StatisticsDimension, columns: StatisticsDimension?)] = [
        (.year, nil), (.heading, nil), (.country, .heading), (.year, .family),
    ]

    /// Why a release was not made or approved.
    enum Refusal: Error, Equatable {
        case badPeriod, thresholdTooLow, notAllowed, alreadyApproved

        var messageKey: String { "statistics_release_refused_\(self)" }
    }

    /// One cell whose shown value differs from the previous approved release.
    struct Change: Sendable, Equatable {
        let table: Int
        let row: String
        let column: String?
        let before: StatisticsTable.Cell?
        let after: StatisticsTable.Cell?
    }

    /// Makes a draft release of the period (typed dates; empty for open) at `threshold` (no lower than the
    /// organisation's); returns its number.
    func draft(from: String, to: String, threshold: Int, by staff: SignedInStaff, now: Date = Date(), on db: any Database)
        async throws -> Int
    {
        guard from.isEmpty || PartialDate(parsing: from) != nil, to.isEmpty || PartialDate(parsing: to) != nil else {
            throw Refusal.badPeriod
        }
        guard threshold >= statistics.threshold else { throw Refusal.thresholdTooLow }
        var filter = IncidentFilter()
        filter.from = from
        filter.to = to
        let tables = try await statistics.release(Self.layouts, filter: filter, threshold: threshold, on: db)
        let record = StatisticsRelease()
        record.id = UUID()
        record.periodFrom = from
        record.periodTo = to
        record.threshold = threshold
        record.tables = String(decoding: try JSONEncoder().encode(tables), as: UTF8.self)
        record.$createdBy.id = staff.id
        record.createdAt = now
        return try await audit.transaction(on: db) { tx, audit in
            record.number = (try await StatisticsRelease.query(on: tx).max(\.$number) ?? 0) + 1
            try await record.create(on: tx)
            try await audit.append(
                actor: staff.actor, action: "statistics.release.create", table: StatisticsRelease.schema,
                id: record.requireID().uuidString, at: now)
            return record.number
        }
    }

    /// Approves a draft (administrators only): from then on it is what the public page shows, until a later one.
    func approve(_ record: StatisticsRelease, by staff: SignedInStaff, now: Date = Date(), on db: any Database) async throws {
        guard staff.role.can(.managesUsers) else { throw Refusal.notAllowed }
        guard !record.isApproved else { throw Refusal.alreadyApproved }
        try await audit.transaction(on: db) { tx, audit in
            record.$approvedBy.id = staff.id
            record.approvedAt = now
            try await record.update(on: tx)
            try await audit.append(
                actor: staff.actor, action: "statistics.release.approve", table: StatisticsRelease.schema,
                id: record.requireID().uuidString, at: now)
        }
    }

    func find(_ number: Int, on db: any Database) async throws -> StatisticsRelease? {
        try await StatisticsRelease.query(on: db).filter(\.$number == number).first()
    }

    /// Every release, newest first.
    func all(on db: any Database) async throws -> [StatisticsRelease] {
        try await StatisticsRelease.query(on: db).sort(\.$number, .descending).all()
    }

    /// The latest approved release (what the public page shows), or the latest approved before `number`.
    func latestApproved(before number: Int = .max, on db: any Database) async throws -> StatisticsRelease? {
        try await StatisticsRelease.query(on: db).filter(\.$approvedAt != nil).filter(\.$number < number)
            .sort(\.$number, .descending).first()
    }

    /// A release's frozen tables.
    func tables(of record: StatisticsRelease) throws -> [StatisticsTable] {
        try JSONDecoder().decode([StatisticsTable].self, from: Data(record.tables.utf8))
    }

    /// The cells whose shown value (or whether they are shown) differs between two releases' tables.
    static func changes(from old: [StatisticsTable], to new: [StatisticsTable]) -> [Change] {
        var changes: [Change] = []
        for (index, table) in new.enumerated() where index < old.count {
            let before = cells(old[index])
            for (key, cell) in cells(table) where before[key] != cell {
                changes.append(Change(table: index, row: key.row, column: key.column, before: before[key], after: cell))
            }
            for (key, cell) in before where cells(table)[key] == nil {
                changes.append(Change(table: index, row: key.row, column: key.column, before: cell, after: nil))
            }
        }
        return changes.sorted { ($0.table, $0.row, $0.column ?? "") < ($1.table, $1.row, $1.column ?? "") }
    }

    private struct CellKey: Hashable {
        let row: String
        let column: String?
    }

    private static func cells(_ table: StatisticsTable) -> [CellKey: StatisticsTable.Cell] {
        var cells: [CellKey: StatisticsTable.Cell] = [:]
        for (row, code) in table.rows.enumerated() {
            cells[CellKey(row: code, column: nil)] = table.rowTotals[row]
            guard table.columnsBy != nil else { continue }
            for (column, columnCode) in table.columns.enumerated() {
                cells[CellKey(row: code, column: columnCode)] = table.cells[row][column]
            }
        }
        return cells
    }
}
