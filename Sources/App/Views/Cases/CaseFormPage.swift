/// `/app/cases/new`: requester, needs, risk, consent, first note.
struct CaseFormPage: Page {
    static let template = "cases/new"

    let chrome: PageChrome
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
