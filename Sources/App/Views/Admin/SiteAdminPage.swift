import Foundation
import HavenDomain
import Vapor

/// `/app/admin/site`: the about page in every language, and the content languages.
struct SiteAdminPage: Page {
    static let template = "admin/site"

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
