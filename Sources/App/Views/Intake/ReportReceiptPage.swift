import Foundation
import HavenDomain
import Vapor

/// `/report/receipt`: the receipt code, shown once.
struct ReportReceiptPage: Page {
    static let template = "intake/receipt"

    let chrome: PageChrome
    let code: String
}
