import Foundation
import HavenDomain
import Vapor

/// `/app/publications`: every publication with its status.
struct PublicationListPage: Page {
    static let template = "publishing/list"

    /// One publication's line.
    struct Row: Encodable {
        let slug: String
        let title: String
        let kindName: String
        let statusName: String
        let date: String
        let languages: String
    }

    let chrome: PageChrome
    let rows: [Row]
    let statuses: [Choice]
    let kinds: [Choice]
    let total: Int
    let page: Int
    let pageCount: Int
    let previousPage: String?
    let nextPage: String?
}
