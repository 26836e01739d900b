import Foundation
import HavenDomain
import Vapor

/// `/report/receipt`: the receipt code, shown once.
struct ReportReceiptPage: Page {
    static let template = "intake/receipt"

    var chrome: PageChrome
    let code: GroupedCode
    /// What happens to the report, in the organisation's words where it gave them: who reads it, how soon it is
    /// answered, when it is deleted.
    let whatHappens: [String]
    /// The view for paper: the code and the advice without the site's header, links or forms.
    var isPrintable = false
}
