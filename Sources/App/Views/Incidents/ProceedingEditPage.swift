import Foundation
import Vapor

/// `/app/incidents/:code/proceedings/:id/edit`: a legal proceeding corrected, its hearings edited or removed (one
/// empty row adds a hearing), and its earlier states.
struct ProceedingEditPage: Page {
    static let template = "incidents/proceeding-edit"

    /// One hearing as typed.
    struct HearingRow: Encodable {
        var day: FieldState
        var outcome: String
    }

    /// One earlier state: when, who, what happened, and the proceeding as it was in a line.
    struct RevisionLine: Encodable {
        let changedAt: String
        let actor: String
        let action: String
        let summary: String
    }

    let chrome: PageChrome
    let code: String
    let proceedingID: String
    let proceedingForm: IncidentPage.ProceedingForm
    let hearings: [HearingRow]
    let revisions: [RevisionLine]
}
