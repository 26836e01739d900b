import Foundation
import Vapor

/// `/app/ingest`: paste news or upload files.
struct IngestFormPage: Page {
    static let template = "ingest/form"

    let chrome: PageChrome
    var text = FieldState()
    var referenceDate = FieldState()
}
