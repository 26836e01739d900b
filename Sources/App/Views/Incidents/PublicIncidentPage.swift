import Foundation
import HavenDomain
import Vapor

/// `/incidents/:code`: the public projection: no person, no exact place, no restricted field.
struct PublicIncidentPage: Page {
    static let template = "incidents/public-incident"

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
    /// The public summary written for publication (empty without one); never the staff description.
    let summary: String
    /// When the summary is not in the reader's language: the language it is in (code and name), shown with a note.
    let summaryLanguage: String?
    let summaryLanguageName: String
    let dates: String
    let countryName: String
    let place: String
    let typeNames: [String]
    let counts: [String]
    let violationStatusName: String
    let acts: [ActView]
    let sources: [IncidentPage.SourceView]
}
