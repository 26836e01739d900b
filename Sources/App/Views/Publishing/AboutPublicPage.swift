import Foundation
import HavenDomain
import Vapor

/// `/about`: the organisation's about and contact page.
struct AboutPublicPage: Page {
    static let template = "publishing/about"

    let chrome: PageChrome
    /// The page's text as `Markup` blocks.
    let markup: [MarkupBlock]
}
