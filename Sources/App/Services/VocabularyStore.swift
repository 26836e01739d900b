import Fluent
import Foundation
import HavenDomain
import NIOConcurrencyHelpers
import SQLKit

/// The controlled lists in use: the shipped defaults with administrators' edits applied, kept in memory and
/// reloaded after every edit.
final class VocabularyStore: Sendable {
    private let current = NIOLockedValueBox(IncidentDraft.Terms.shipped)

    /// The lists as they are now.
    var terms: IncidentDraft.Terms { current.withLockedValue { $0 } }

    /// The editable lists, by name, in the order the admin page shows them.
    static let editable: [Vocabulary] = [.incidentTypes, .perpetratorTypes, .placeTypes, .involvementDegrees, .actStatuses,
                                         .violationStatuses, .reliabilities, .sourceConnections]

    /// Reads the edits from the database and applies them to the shipped lists.
    func reload(on db: any Database) async throws {
        let records = try await VocabularyEditRecord.query(on: db).all()
        let edits = Dictionary(grouping: records, by: \.vocabulary).mapValues { group in
            group.map { VocabularyEdit(code: $0.code, parent: $0.parent, labels: [.en: $0.labelEN, .ru: $0.labelRU, .ro: $0.labelRO],
                                       isRetired: $0.isRetired) }
        }
        func edited(_ list: Vocabulary) -> Vocabulary { list.applying(edits[list.name] ?? []) }
        let terms = IncidentDraft.Terms(
            incidentTypes: edited(.incidentTypes), perpetratorTypes: edited(.perpetratorTypes), placeTypes: edited(.placeTypes),
            involvementDegrees: edited(.involvementDegrees), actStatuses: edited(.actStatuses),
            violationStatuses: edited(.violationStatuses), reliabilities: edited(.reliabilities), sourceConnections: edited(.sourceConnections))
        current.withLockedValue { $0 = terms }
    }

    /// One list as it is now, by name.
    func list(named name: String) -> Vocabulary? {
        let terms = self.terms
        return [terms.incidentTypes, terms.perpetratorTypes, terms.placeTypes, terms.involvementDegrees, terms.actStatuses,
                terms.violationStatuses, terms.reliabilities, terms.sourceConnections].first { $0.name == name }
    }
}

/// The countries incidents are recorded in, kept in memory for the list's country filter (a menu of the 250 countries
/// would cost more to render than the query behind the page).
final class RecordedCountries: Sendable {
    private let codes = NIOLockedValueBox(Set<String>())

    /// The codes, sorted.
    var all: [String] { codes.withLockedValue { $0.sorted() } }

    /// Reads the countries in use from the database.
    func reload(on db: any Database) async throws {
        let rows = try await (db as! any SQLDatabase).raw("SELECT DISTINCT country FROM incidents").all()
        let found = Set(try rows.map { try $0.decode(column: "country", as: String.self) })
        codes.withLockedValue { $0 = found }
    }

    /// Adds a country once an incident in it is stored.
    func insert(_ code: String) {
        _ = codes.withLockedValue { $0.insert(code) }
    }
}
