import Foundation
import HavenDomain
import Vapor

/// `/app/publications/:slug/revisions`: each change with what differs from the one before.
struct PublicationRevisionsPage: Page {
    static let template = "publishing/revisions"

    /// A field that changed, before and after.
    struct Change: Encodable {
        let field: String
        let before: String
        let after: String
    }

    /// One revision.
    struct Revision: Encodable {
        let changedAt: String
        let actor: String
        let action: String
        let changes: [Change]
    }

    let chrome: PageChrome
    let slug: String
    let revisions: [Revision]
}
