import Foundation
import HavenDomain
import Vapor

/// `/app/hearings`: hearings from today on, soonest first.
struct HearingsPage: Page {
    static let template = "incidents/hearings"

    /// One hearing.
    struct Row: Encodable {
        let day: String
        let code: String
        let title: String
    }

    let chrome: PageChrome
    let rows: [Row]
}
