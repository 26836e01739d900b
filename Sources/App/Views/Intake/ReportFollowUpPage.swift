import Foundation
import HavenDomain
import Vapor

/// `/report/follow-up`: the code form.
struct ReportFollowUpPage: Page {
    static let template = "intake/follow-up"

    let chrome: PageChrome
    var code = FieldState()
}
