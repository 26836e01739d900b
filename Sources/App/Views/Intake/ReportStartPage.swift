import Foundation
import HavenDomain
import Vapor

/// `/report`: the three ways in.
struct ReportStartPage: Page {
    static let template = "intake/start"

    let chrome: PageChrome
}
