import Fluent
import Foundation
import HavenDomain

/// Anonymous figures about cases, from the clear fields of the cases whose person consented to anonymous statistics —
/// no other case is read at all: counts by need, status, closing reason and risk; days from opening to closing
/// (median and 90th percentile, nearest rank); and service costs summed by budget line and currency. Protected, the
/// counts go through `GaussSuppression` with zeros protected too (a zero about people says something about the
/// others), and a time or a sum resting on fewer cases than the threshold is hidden.
struct CaseStatistics: Sendable {
    let statistics: Statistics

    /// Days to close, from the closed cases.
    struct Durations: Sendable, Equatable {
        let cases: Int
        let median: Int?
        let ninetieth: Int?
    }

    /// A summed cost: budget line, currency, how many cases it rests on, and the sum (nil when hidden).
    struct Cost: Sendable, Equatable {
        let budgetLine: String
        let currency: String
        let cases: Int
        let minorUnits: Int?
    }

    /// Everything the case statistics page shows.
    struct Figures: Sendable {
        let tables: [StatisticsTable]
        let durations: Durations
        let costs: [Cost]
        let threshold: Int?
    }

    static let dimensions: [StatisticsDimension] = [.need, .caseStatus, .closingReason, .risk]

    func figures(protected: Bool, on db: any Database) async throws -> Figures {
        let cases = try await Case.query(on: db).filter(\.$consentsToStatistics == true).all()
        let records = cases.map { record in
            StatisticsRecord([
                StatisticsDimension.need.rawValue: Set(record.needs.split(separator: ",").map(String.init)).nonEmpty,
                StatisticsDimension.caseStatus.rawValue: [record.status.rawValue],
                StatisticsDimension.closingReason.rawValue: [record.closingReason?.rawValue ?? StatisticsDimension.none],
                StatisticsDimension.risk.rawValue: [record.risk.rawValue],
            ])
        }
        let layouts = Self.dimensions.map { CrossTable.Layout(rows: ($0.rawValue, Statistics.values($0, in: records))) }
        let crossTables = CrossTable.release(records, layouts)
        let threshold = protected ? statistics.threshold : nil
        var statuses: [CellStatus]?
        if let threshold {
            let model = DisclosureModel.combining(crossTables.map(\.model))
            var found = GaussSuppression.suppress(model, threshold: threshold, protectZeros: true)
            if !DisclosureVerifier.recoverable(model, found).isEmpty { found = found.map { $0 == .primary ? .primary : .secondary } }
            statuses = found
        }
        var offset = 0
        let tables = zip(Self.dimensions, crossTables).map { dimension, table in
            defer { offset += table.model.cells.count }
            return StatisticsTable(
                rowsBy: dimension, columnsBy: nil, table: table,
                statuses: statuses.map { Array($0[offset..<(offset + table.model.cells.count)]) }, threshold: threshold)
        }
        let ids = cases.compactMap(\.id)
        return Figures(
            tables: tables, durations: try await durations(of: cases, hidingBelow: threshold, on: db),
            costs: try await costs(of: ids, hidingBelow: threshold, on: db), threshold: threshold)
    }

    /// Days from opening to the last closing of each closed case.
    private func durations(of cases: [Case], hidingBelow threshold: Int?, on db: any Database) async throws -> Durations {
        let closed = cases.filter { $0.status == .closed }
        let ids = closed.compactMap(\.id)
        guard !ids.isEmpty else { return Durations(cases: 0, median: nil, ninetieth: nil) }
        let events = try await CaseEvent.query(on: db).filter(\.$caseFile.$id ~~ ids).filter(\.$kind == .status).all()
            .filter { $0.detail.hasPrefix(CaseStatus.closed.rawValue) }
        var closedAt: [UUID: Date] = [:]
        for event in events { closedAt[event.$caseFile.id] = max(closedAt[event.$caseFile.id] ?? .distantPast, event.happenedAt) }
        let days = closed.compactMap { record in
            record.id.flatMap { closedAt[$0] }.map { max(0, Int($0.timeIntervalSince(record.openedAt) / 86_400)) }
        }
        guard threshold.map({ days.count >= $0 }) ?? true else { return Durations(cases: days.count, median: nil, ninetieth: nil) }
        return Durations(
            cases: days.count, median: Percentile.nearestRank(days, percent: 50), ninetieth: Percentile.nearestRank(days, percent: 90))
    }

    /// Costs of the services not cancelled, by budget line and currency.
    private func costs(of caseIDs: [UUID], hidingBelow threshold: Int?, on db: any Database) async throws -> [Cost] {
        guard !caseIDs.isEmpty else { return [] }
        let services = try await CaseService.query(on: db).filter(\.$caseFile.$id ~~ caseIDs).all()
            .filter { $0.status != .cancelled && $0.costMinorUnits != nil }
        var sums: [String: (line: String, currency: String, cases: Set<UUID>, total: Int)] = [:]
        for service in services {
            let line = service.budgetLine?.rawValue ?? StatisticsDimension.none
            let currency = service.costCurrency ?? ""
            var entry = sums[line + "|" + currency] ?? (line, currency, [], 0)
            entry.cases.insert(service.$caseFile.id)
            entry.total += service.costMinorUnits ?? 0
            sums[line + "|" + currency] = entry
        }
        return sums.keys.sorted().compactMap { sums[$0] }.map { entry in
            let shown = threshold.map { entry.cases.count >= $0 } ?? true
            return Cost(budgetLine: entry.line, currency: entry.currency, cases: entry.cases.count, minorUnits: shown ? entry.total : nil)
        }
    }
}

extension Set where Element == String {
    /// The set, or `["none"]` when empty (a case with no need recorded is counted under "not recorded").
    fileprivate var nonEmpty: Set<String> { isEmpty ? [StatisticsDimension.none] : self }
}
