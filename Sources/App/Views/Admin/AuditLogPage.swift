import Vapor

/// `/app/admin/audit`: who did what to which record and when, filtered and paged, with the hash chain's state.
struct AuditLogPage: Page {
    static let template = "admin/audit"

    /// One entry as administrators read it.
    struct Row: Encodable {
        let sequence: Int64
        let when: String
        let who: String
        let actor: String
        let action: String
        let table: String
        let record: String
    }

    let chrome: PageChrome
    let rows: [Row]
    let total: Int
    let page: Int
    let pageCount: Int
    let previousPage: String?
    let nextPage: String?
    let people: [Choice]
    let actions: [Choice]
    let record: String
    /// Nil while the chain is whole; else what broke first.
    let chainBreak: String?
}
