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
    /// The reporter ticked "keep the files exactly as they are": photos keep their metadata.
    var keepsFiles = false
    let maximumAttachments: Int
    let maximumAttachmentMegabytes: Int
}
