import Foundation
import HavenDomain
import Vapor

/// `/app/admin/site`: the organisation's identity and logo, the about page in every language, and the content
/// languages.
struct SiteAdminPage: Page {
    static let template = "admin/site"

    /// One language's text.
    struct Column: Encodable {
        let code: String
        let name: String
        let text: String
    }

    /// The organisation's identity in one interface language.
    struct IdentityColumn: Encodable {
        let code: String
        let name: String
        var organisation = FieldState()
        var tagline = FieldState()
        var contact = FieldState()
        var reportReaders = FieldState()
        var replyTime = FieldState()
    }

    let chrome: PageChrome
    let columns: [Column]
    var identity: [IdentityColumn]
    var timeZone: FieldState
    let timeZones: [String]
    let logoPath: String?
    var logo = FieldState()
    var language = FieldState()
    var languageName = FieldState()
}
