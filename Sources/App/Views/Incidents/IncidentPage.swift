import Foundation
import HavenDomain
import Vapor

/// `/app/incidents/:code`: one incident opened for a reader; a restricted one without a key copy shows only its stub.
struct IncidentPage: Page {
    static let template = "incidents/incident"

    /// One act.
    struct ActView: Encodable {
        let victimCode: String
        let victimName: String
        let typeName: String
        let date: String
        let placeTypeName: String
        let statusName: String
        let consequences: String
        let perpetratorCode: String
        let perpetratorName: String
        let perpetratorTypeName: String
        let degreeName: String
    }

    /// One source.
    struct SourceView: Encodable {
        let id: String
        let kindName: String
        let title: String
        let url: String
        let publishedOn: String
        let reliabilityName: String
        let connectionName: String
    }

    /// One evidence file.
    struct EvidenceView: Encodable {
        let id: String
        let fileName: String
        let size: String
        let sha256: String
        let isViewable: Bool
        let sourceTitle: String
        let custody: [String]
    }

    /// A staff member holding the key of a restricted incident.
    struct Holder: Encodable {
        let id: String
        let name: String
        let isSelf: Bool
    }

    /// One proceeding.
    struct ProceedingView: Encodable {
        let id: String
        let court: String
        let caseNumber: String
        let charge: String
        let stageName: String
        let decision: String
        let penalty: String
        let appealDeadline: String
        let representation: String
        let hearings: [String]
    }

    /// The new-proceeding form as typed.
    struct ProceedingForm: Encodable {
        var court = FieldState()
        var caseNumber = FieldState()
        var law = FieldState()
        var article = FieldState()
        var decision = FieldState()
        var fineAmount = FieldState()
        var fineCurrency = FieldState()
        var detentionDays = FieldState()
        var appealDeadline = FieldState()
        var representative = FieldState()
        var legalAidRefused = false
        var stages: [Choice] = []
        var penalties: [Choice] = []
    }

    let chrome: PageChrome
    let code: String
    let isStub: Bool
    let title: String
    let description: String
    let dates: String
    let countryName: String
    let place: String
    let placeDetail: String
    let typeNames: [String]
    let counts: [String]
    let violationStatusName: String
    let reliabilityName: String
    let verificationName: String
    let confidentialityName: String
    let isRestricted: Bool
    let acts: [ActView]
    let sources: [SourceView]
    let evidence: [EvidenceView]
    let holders: [Holder]
    let canEdit: Bool
    let revisionCount: Int
    var proceedings: [ProceedingView] = []
    var proceedingForm = ProceedingForm()
    var hearing = FieldState()
    var upload = FieldState()
    var grantee = FieldState()
    /// Colleagues whose role reads documentation and who hold no copy yet (a restricted incident is given from this list).
    var colleagues: [Choice] = []
    /// For administrators and the incident's author: the delete form's reasons, and its problem.
    var deletionReasons: [Choice] = []
    var deletion = FieldState()
    /// The code of the incident to merge this one into, as typed.
    var merge = FieldState()
    /// The thread of the report the incident was made from, for those who can reach it.
    var thread: ReportThread?
    var hasThread = false
    /// The report's files download through the incident.
    let showsDownloads = true
}
