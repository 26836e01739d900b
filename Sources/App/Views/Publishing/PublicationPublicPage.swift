import Foundation
import HavenDomain
import Vapor

/// `/p/:slug` and `/p/:slug/:lang`: one publication in one language.
struct PublicationPublicPage: Page {
    static let template = "publishing/public"

    /// A language the publication can be read in.
    struct Version: Encodable {
        let name: String
        let path: String
        let code: String
        let isCurrent: Bool
    }

    /// A public incident the publication speaks about.
    struct LinkedIncident: Encodable {
        let code: String
        let title: String
    }

    let chrome: PageChrome
    let contentLanguage: String
    let title: String
    let summary: String
    /// Set when this translation has no summary of its own and the original's is shown, with a note, in its language.
    let summaryLanguage: String?
    /// The body as `Markup` blocks; the `markup` template renders them, escaping every character.
    let markup: [MarkupBlock]
    let isFallback: Bool
    let originalName: String
    let date: String
    let kindName: String
    let kindPath: String
    let countries: [Choice]
    let categories: [Choice]
    let versions: [Version]
    let signatories: [String]
    let signatoryCount: Int
    let venue: String
    let participants: String
    let incidents: [LinkedIncident]
}
