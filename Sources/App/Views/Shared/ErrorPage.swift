import HavenDomain
import Vapor

/// The generic error page.
struct ErrorPage: Page {
    static let template = "error"

    let chrome: PageChrome
    let status: UInt
    let message: String
    let requestID: String
}
