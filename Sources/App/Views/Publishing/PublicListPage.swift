import Foundation
import HavenDomain
import Vapor

/// `/`, `/news`, `/countries/:code`, `/search` …: a page of publications, newest first.
struct PublicListPage: Page {
    static let template = "publishing/public-list"

    let chrome: PageChrome
    let intro: String
    let rows: [PublicationRow]
    let newerPage: String?
    let olderPage: String?
    let feedPath: String?
    /// The search box's words (search page only).
    let text: String
    let isSearch: Bool
    let isHome: Bool
}
