import Foundation
import HavenDomain
import Vapor

/// `/app/statistics/cases`: anonymous case figures for those who see case counts (coordinators, administrators).
struct CaseStatisticsController: RouteCollection {
    /// Whether to protect the figures for sharing.
    struct CaseStatisticsInput: Content {
        var protected: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireCapability(.seesCaseCounts)).get("app", "statistics", "cases", use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let isProtected = try req.query.decode(CaseStatisticsInput.self).protected == "yes"
        let figures = try await req.haven.caseStatistics.figures(protected: isProtected, on: req.db)
        let builder = StatisticsPageBuilder(req: req)
        let hidden = figures.threshold.map { "<\($0)" } ?? ""
        return try await req.render(
            CaseStatisticsPage(
                chrome: await .make(for: req, titleKey: "statistics_cases_title"), isProtected: isProtected,
                tables: figures.tables.enumerated().map { builder.shown($1, anchor: "t\($0 + 1)") },
                closedCases: Self.count(figures.durations.cases, threshold: figures.threshold),
                median: figures.durations.median.map(String.init) ?? (figures.durations.cases > 0 ? hidden : "—"),
                ninetieth: figures.durations.ninetieth.map(String.init) ?? (figures.durations.cases > 0 ? hidden : "—"),
                costs: figures.costs.map { cost in
                    CaseStatisticsPage.CostRow(
                        budgetLine: BudgetLine(rawValue: cost.budgetLine).map { req.t($0.labelKey) } ?? req.t("statistics_none"),
                        currency: cost.currency, cases: Self.count(cost.cases, threshold: figures.threshold),
                        sum: cost.minorUnits.map { Money(minorUnits: $0, currency: cost.currency).description } ?? hidden)
                }))
    }

    /// A number of cases as shown: `<threshold` when protected and below it.
    static func count(_ value: Int, threshold: Int?) -> String {
        guard let threshold, value > 0, value < threshold else { return String(value) }
        return "<\(threshold)"
    }
}
