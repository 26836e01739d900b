import Foundation
import HavenDomain
import Vapor

extension Confidentiality: MenuTerm {}
extension VerificationStatus: MenuTerm {}
extension SourceKind: MenuTerm {}
extension SexualOrientation: MenuTerm {}
extension GenderIdentity: MenuTerm {}
extension IntersexStatus: MenuTerm {}
extension Vulnerability: MenuTerm {}

/// A family of incident types with its types, for the checkbox groups of the form and the filter menu.
struct TypeFamily: Encodable {
    let code: String
    let name: String
    var isChosen = false
    let types: [Choice]
}

/// `/app/incidents/new` and `/app/incidents/:code/edit`: the whole incident in one form, acts and sources included.
struct IncidentFormPage: Encodable {
    /// A recorded person offered instead of creating a new one.
    struct PersonOffer: Encodable {
        let code: String
        let name: String
        let isChosen: Bool
    }

    /// One act row.
    struct ActRow: Encodable {
        let index: Int
        let number: Int
        let id: String
        var victim = FieldState()
        var victimOffers: [PersonOffer] = []
        var perpetrator = FieldState()
        var perpetratorOffers: [PersonOffer] = []
        var type = FieldState()
        var types: [Choice] = []
        var date = FieldState()
        var placeTypes: [Choice] = []
        var statuses: [Choice] = []
        var consequences = FieldState()
        var perpetratorTypes: [Choice] = []
        var degrees: [Choice] = []
        var rowError: String?
        var hasVictimOffers = false
        var hasPerpetratorOffers = false
    }

    /// One source row.
    struct SourceRow: Encodable {
        let index: Int
        let number: Int
        let id: String
        var title = FieldState()
        var url = FieldState()
        var publishedOn = FieldState()
        var kinds: [Choice] = []
        var reliabilities: [Choice] = []
        var connections: [Choice] = []
    }

    let chrome: PageChrome
    let action: String
    let isNew: Bool
    var title = FieldState()
    var description = FieldState()
    var startDate = FieldState()
    var endDate = FieldState()
    var country = FieldState()
    var countries: [Choice] = []
    var region = FieldState()
    var city = FieldState()
    var placeDetail = FieldState()
    var families: [TypeFamily] = []
    var typesError: String?
    var victims = FieldState()
    var participants = FieldState()
    var detainees = FieldState()
    var violationStatuses: [Choice] = []
    var reliabilities: [Choice] = []
    var verifications: [Choice] = []
    var confidentialities: [Choice] = []
    var acts: [ActRow] = []
    var sources: [SourceRow] = []
    var hasProblems = false
}

/// `/app/incidents`: filters, search and one page of incidents.
struct IncidentListPage: Encodable {
    /// One incident's line.
    struct Row: Encodable {
        let code: String
        let title: String
        let isRestricted: Bool
        let countryName: String
        let dates: String
        let typeNames: [String]
        let confidentialityName: String
        let verificationName: String
    }

    let chrome: PageChrome
    let text: String
    let countries: [Choice]
    let families: [TypeFamily]
    let headings: [Choice]
    let from: String
    let to: String
    let confidentialities: [Choice]
    let verifications: [Choice]
    let perpetratorTypes: [Choice]
    let rows: [Row]
    let total: Int
    let isRanked: Bool
    let isSearch: Bool
    let page: Int
    let previousPage: String?
    let nextPage: String?
    let canCreate: Bool
}

/// `/app/incidents/:code`: one incident opened for a reader; a restricted one without a key copy shows only its stub.
struct IncidentPage: Encodable {
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
}

/// `/app/hearings`: hearings from today on, soonest first.
struct HearingsPage: Encodable {
    /// One hearing.
    struct Row: Encodable {
        let day: String
        let code: String
        let title: String
    }

    let chrome: PageChrome
    let rows: [Row]
}

/// `/app/incidents/:code/revisions`: who changed what, when, and the values before.
struct IncidentRevisionsPage: Encodable {
    /// One earlier value.
    struct Change: Encodable {
        let field: String
        let before: String
    }

    /// One revision.
    struct Revision: Encodable {
        let changedAt: String
        let actor: String
        let changes: [Change]
    }

    let chrome: PageChrome
    let code: String
    let revisions: [Revision]
}

/// `/app/persons/:code`: a person's identity (sealed) and the incidents they appear in.
struct PersonPage: Encodable {
    /// An incident the person appears in.
    struct Appearance: Encodable {
        let code: String
        let title: String
    }

    let chrome: PageChrome
    let code: String
    var name = FieldState()
    var otherNames = FieldState()
    var contacts = FieldState()
    var dateOfBirth = FieldState()
    var notes = FieldState()
    var orientations: [Choice] = []
    var genders: [Choice] = []
    var intersex: [Choice] = []
    var vulnerabilities: [Choice] = []
    var appearances: [Appearance] = []
    let canEdit: Bool
}

/// `/app/admin/vocabularies`: every editable list with its terms.
struct VocabulariesPage: Encodable {
    /// One term.
    struct Term: Encodable {
        let code: String
        let parent: String
        let en: String
        let ru: String
        let ro: String
        let isRetired: Bool
    }

    /// One list.
    struct List: Encodable {
        let name: String
        let title: String
        let terms: [Term]
        let families: [Choice]
        let hasFamilies: Bool
    }

    let chrome: PageChrome
    let lists: [List]
    var problem: String?
}

/// `/incidents`: public incidents only, anonymised.
struct PublicIncidentListPage: Encodable {
    let chrome: PageChrome
    let text: String
    let rows: [IncidentListPage.Row]
    let total: Int
    let previousPage: String?
    let nextPage: String?
}

/// `/incidents/:code`: the public projection: no person, no exact place, no restricted field.
struct PublicIncidentPage: Encodable {
    /// An act without its victim or perpetrator persons.
    struct ActView: Encodable {
        let typeName: String
        let date: String
        let statusName: String
        let perpetratorTypeName: String
    }

    let chrome: PageChrome
    let code: String
    let title: String
    let description: String
    let dates: String
    let countryName: String
    let place: String
    let typeNames: [String]
    let counts: [String]
    let violationStatusName: String
    let acts: [ActView]
    let sources: [IncidentPage.SourceView]
}
