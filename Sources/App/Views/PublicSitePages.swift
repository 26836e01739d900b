import Foundation
import HavenDomain
import Vapor

/// A publication in a public list.
struct PublicationRow: Encodable {
    let path: String
    let title: String
    let summary: String
    let date: String
    let kindName: String
    /// The language the row's text is in (for `lang=`).
    let language: String
}

/// `/`, `/news`, `/countries/:code`, `/search` …: a page of publications, newest first.
struct PublicListPage: Encodable {
    let chrome: PageChrome
    let intro: String
    let rows: [PublicationRow]
    let newerPage: String?
    let olderPage: String?
    let feedPath: String?
    /// The search box's words (search page only).
    let text: String
    let isSearch: Bool
    let isHome: Bool
}

/// `/p/:slug` and `/p/:slug/:lang`: one publication in one language.
struct PublicationPublicPage: Encodable {
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

/// `/about`: the organisation's about and contact page.
struct AboutPublicPage: Encodable {
    let chrome: PageChrome
    /// The page's text as `Markup` blocks.
    let markup: [MarkupBlock]
}
