import Foundation
import HavenDomain
import Vapor

/// `/app/incidents/new` and `/app/incidents/:code/edit`: the whole incident in one form, acts and sources included.
struct IncidentFormPage: Page {
    static let template = "incidents/form"

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
    /// The public title and summary in each content language.
    var publicTexts: [PublicTextColumn] = []
    /// Words of the public texts that name a recorded (or just typed) person: shown, and the save waits for a tick.
    var publicTextNames: [String] = []
    var publicTextError: String?
}

extension IncidentFormPage {
    /// The public title and summary in one content language.
    struct PublicTextColumn: Encodable {
        let code: String
        let name: String
        var title = FieldState()
        var summary = FieldState()
    }
}
