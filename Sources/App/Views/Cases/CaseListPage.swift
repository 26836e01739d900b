/// `/app/cases`: one page of the cases sealed to me, filters, counts per status, find by code.
struct CaseListPage: Page {
    static let template = "cases/list"

    /// One case's line.
    struct Row: Encodable {
        let code: String
        let pseudonym: String
        let statusName: String
        let riskName: String
        let risk: String
        let lastActivity: String
    }

    /// How many cases have one status.
    struct Count: Encodable {
        let statusName: String
        let count: Int
    }

    let chrome: PageChrome
    var cases: [Row]
    var counts: [Count]
    let isOverdueView: Bool
    let inactiveDays: String
    let statuses: [Choice]
    let risks: [Choice]
    let canCreate: Bool
    var code = FieldState()
    var total = 0
    var page = 1
    var pageCount = 1
    var previousPage: String?
    var nextPage: String?
}
