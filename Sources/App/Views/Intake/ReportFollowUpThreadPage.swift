import Foundation
import HavenDomain
import Vapor

/// The reporter's view of their report after entering the code.
struct ReportFollowUpThreadPage: Page {
    static let template = "intake/thread"

    let chrome: PageChrome
    let thread: ReportThread
    /// Carried in the reply form's hidden field: the code never goes into a URL.
    let code: String
    var message = FieldState()
    var files = FieldState()
    /// The reporter ticked "keep the files exactly as they are": photos keep their metadata.
    var keepsFiles = false
    /// Reporters see their files' names; only staff download them.
    let showsDownloads = false
}
