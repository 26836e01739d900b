import Foundation
import HavenDomain
import Vapor

/// `/incidents`: public incidents only, anonymised.
struct PublicIncidentListPage: Page {
    static let template = "incidents/public-list"

    let chrome: PageChrome
    let countries: [Choice]
    let headings: [Choice]
    let year: String
    let rows: [IncidentListPage.Row]
    let total: Int
    let previousPage: String?
    let nextPage: String?
}
