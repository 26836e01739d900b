import Foundation
import HavenDomain

/// One page of the inbox.
struct InboxListing: Sendable {
    /// One report's line, opened.
    struct Row: Sendable {
        let id: UUID
        let kind: ReportKind
        let status: ReportStatus
        let receivedAt: Date
        let excerpt: String
        let isUnread: Bool
        /// Unread because the reporter wrote again (not a report never opened).
        let hasNewMessages: Bool
    }

    let rows: [Row]
    let total: Int
    let page: Int

    var pageCount: Int { max(1, (total + InboxFilter.pageSize - 1) / InboxFilter.pageSize) }
}
