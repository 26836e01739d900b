import Foundation
import HavenDomain
import Vapor

/// `/app/publications/new` and `/app/publications/:slug`: the editor, all languages side by side.
struct PublicationFormPage: Page {
    static let template = "publishing/form"

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
    /// An edit waits for a publisher.
    var hasProposal = false
    /// Saving will propose the edit rather than change the published text.
    var needsReview = false
}
