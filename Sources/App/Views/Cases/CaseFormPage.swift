/// `/app/cases/new` and `/app/cases/:code/edit`: requester, needs, risk, consent, and a first note for a new case.
struct CaseFormPage: Page {
    static let template = "cases/new"

    let chrome: PageChrome
    /// Where the form posts; an edit has no first note.
    var action = "/app/cases"
    var isEdit = false
    var pseudonym = FieldState()
    var name = FieldState()
    var contact = FieldState()
    var notes = FieldState()
    var firstNote = FieldState()
    var needs: [Choice]
    var risks: [Choice]
    var riskError: String?
    var consentsToServices = false
    var consentsToSharing = false
    var consentsToStatistics = false
}
