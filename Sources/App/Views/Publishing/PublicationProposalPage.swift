import Foundation
import HavenDomain
import Vapor

/// `/app/publications/:slug/proposal`: an edit of a published publication waiting for a publisher, beside the
/// published text, with approve and reject for those who may publish.
struct PublicationProposalPage: Page {
    static let template = "publishing/proposal"

    let chrome: PageChrome
    let slug: String
    let author: String
    let proposedAt: String
    let changes: [PublicationRevisionsPage.Change]
    let canDecide: Bool
}
