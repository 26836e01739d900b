import Foundation
import HavenDomain
import Vapor

/// `/app/persons/:code`: a person's identity (sealed) and the incidents they appear in.
struct PersonPage: Page {
    static let template = "incidents/person"

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
    /// The code of the record to merge this one into, as typed.
    var merge = FieldState()
    let canEdit: Bool
}
