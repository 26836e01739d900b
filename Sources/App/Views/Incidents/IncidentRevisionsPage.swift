import Foundation
import HavenDomain
import Vapor

/// `/app/incidents/:code/revisions`: who changed what, when, and the values before.
struct IncidentRevisionsPage: Page {
    static let template = "incidents/revisions"

    /// One earlier value.
    struct Change: Encodable {
        let field: String
        let before: String
    }

    /// One revision.
    struct Revision: Encodable {
        let changedAt: String
        let actor: String
        let changes: [Change]
    }

    let chrome: PageChrome
    let code: String
    let revisions: [Revision]
}
