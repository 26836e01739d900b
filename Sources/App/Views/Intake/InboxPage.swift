/// `/app/inbox`: one page of the reports sealed to this staff member, newest first, with filters.
struct InboxPage: Page {
    static let template = "intake/inbox"

    /// One report's line.
    struct Row: Encodable {
        let id: String
        let kindName: String
        let statusName: String
        let receivedAt: String
        let excerpt: String
        let isUnread: Bool
        let hasNewMessages: Bool
    }

    let chrome: PageChrome
    let reports: [Row]
    let total: Int
    let page: Int
    let pageCount: Int
    let previousPage: String?
    let nextPage: String?
    let onlyUnread: Bool
    let onlyNewMessages: Bool
    let kinds: [Choice]
    let statuses: [Choice]
    let from: String
    let to: String
    /// Whether a filter is set (deleting every match as junk is offered then).
    let isFiltered: Bool
}
