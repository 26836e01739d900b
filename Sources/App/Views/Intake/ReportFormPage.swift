import Foundation
import HavenDomain
import Vapor

/// `/report/:kind`: what happened, where, when, how to reach the person, what help they need, files.
struct ReportFormPage: Page {
    static let template = "intake/form"

    /// A need the person can tick.
    struct NeedChoice: Encodable {
        let code: String
        let name: String
        let isChecked: Bool
    }

    let chrome: PageChrome
    let kind: String
    let kindName: String
    let asksForNeeds: Bool
    var narrative = FieldState()
    var country = FieldState()
    var city = FieldState()
    var when = FieldState()
    var contact = FieldState()
    var needs: [NeedChoice]
    var files = FieldState()
    let maximumAttachments: Int
    let maximumAttachmentMegabytes: Int
}
