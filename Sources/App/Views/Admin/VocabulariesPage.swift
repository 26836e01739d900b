import Foundation
import HavenDomain
import Vapor

/// `/app/admin/vocabularies`: every editable list with its terms.
struct VocabulariesPage: Page {
    static let template = "admin/vocabularies"

    /// One term.
    struct Term: Encodable {
        let code: String
        let parent: String
        let en: String
        let ru: String
        let ro: String
        let isRetired: Bool
    }

    /// One list.
    struct List: Encodable {
        let name: String
        let title: String
        let terms: [Term]
        let families: [Choice]
        let hasFamilies: Bool
    }

    let chrome: PageChrome
    let lists: [List]
    var problem: String?
}
