import Foundation
import HavenDomain
import Vapor

/// `/app/incidents`: filters, search and one page of incidents.
struct IncidentListPage: Page {
    static let template = "incidents/list"

    /// One incident's line.
    struct Row: Encodable {
        let code: String
        var title: String
        let isRestricted: Bool
        let countryName: String
        let dates: String
        let typeNames: [String]
        let confidentialityName: String
        let verificationName: String
    }

    let chrome: PageChrome
    let text: String
    let countries: [Choice]
    let families: [TypeFamily]
    let headings: [Choice]
    let from: String
    let to: String
    let confidentialities: [Choice]
    let verifications: [Choice]
    let perpetratorTypes: [Choice]
    let rows: [Row]
    let total: Int
    let isRanked: Bool
    let isSearch: Bool
    let page: Int
    let previousPage: String?
    let nextPage: String?
    let canCreate: Bool
}
