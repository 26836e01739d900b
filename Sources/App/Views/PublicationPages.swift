import Foundation
import HavenDomain
import Vapor

extension PublicationKind: MenuTerm {}
extension PublicationStatus: MenuTerm {}

/// `/app/publications`: every publication with its status.
struct PublicationListPage: Encodable {
    /// One publication's line.
    struct Row: Encodable {
        let slug: String
        let title: String
        let kindName: String
        let statusName: String
        let date: String
        let languages: String
    }

    let chrome: PageChrome
    let rows: [Row]
    let statuses: [Choice]
}

/// `/app/publications/new` and `/app/publications/:slug`: the editor, all languages side by side.
struct PublicationFormPage: Encodable {
    /// One language's column.
    struct Column: Encodable {
        let code: String
        let name: String
        var title = FieldState()
        var summary = FieldState()
        var body = FieldState()
    }

    let chrome: PageChrome
    let action: String
    let isNew: Bool
    let slug: String
    var kinds: [Choice] = []
    var originals: [Choice] = []
    var columns: [Column] = []
    var date = FieldState()
    var countries: [Choice] = []
    var countriesError: String?
    var categories: [Choice] = []
    var categoriesError: String?
    var incidents = FieldState()
    var knownSignatories: [Choice] = []
    var newSignatories = FieldState()
    var venue = FieldState()
    var participants = FieldState()
    var hasProblems = false
    var statusName = ""
    var nextStatuses: [Choice] = []
    var statusError: String?
    var publicPath: String?
    var revisionCount = 0
}

/// `/app/publications/:slug/revisions`: each change with what differs from the one before.
struct PublicationRevisionsPage: Encodable {
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

/// `/app/admin/site`: the about page in every language, and the content languages.
struct SiteAdminPage: Encodable {
    /// One language's text.
    struct Column: Encodable {
        let code: String
        let name: String
        let text: String
    }

    let chrome: PageChrome
    let columns: [Column]
    var language = FieldState()
    var languageName = FieldState()
}
