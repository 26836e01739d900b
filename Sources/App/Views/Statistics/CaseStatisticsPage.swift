/// `/app/statistics/cases`: anonymous case figures (consenting cases only) — counts, days to close, costs.
struct CaseStatisticsPage: Page {
    static let template = "statistics/cases"

    /// One summed cost as shown.
    struct CostRow: Encodable {
        let budgetLine: String
        let currency: String
        let cases: String
        let sum: String
    }

    let chrome: PageChrome
    let isProtected: Bool
    let tables: [StatisticsTableView]
    let closedCases: String
    let median: String
    let ninetieth: String
    let costs: [CostRow]
}
