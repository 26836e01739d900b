import Fluent
import Foundation
import HavenDomain
import NIOConcurrencyHelpers
import SQLKit

/// The controlled lists in use: the shipped defaults with administrators' edits applied, kept in memory and
/// reloaded after every edit.
final class VocabularyStore: Sendable {
    private let current = NIOLockedValueBox(IncidentDraft.Terms.shipped)
    let audit: AuditLog

    init(audit: AuditLog) {
        self.audit = audit
    }

    /// The lists as they are now.
    var terms: IncidentDraft.Terms { current.withLockedValue { $0 } }

    /// The editable lists, by name, in the order the admin page shows them.
    static let editable: [Vocabulary] = [
        .incidentTypes, .perpetratorTypes, .placeTypes, .involvementDegrees, .actStatuses,
        .violationStatuses, .reliabilities, .sourceConnections,
    ]

    /// Reads the edits from the database and applies them to the shipped lists.
    func reload(on db: any Database) async throws {
        let records = try await VocabularyEditRecord.query(on: db).all()
        let edits = Dictionary(grouping: records, by: \.vocabulary).mapValues { group in
            group.map {
                VocabularyEdit(
                    code: $0.code, parent: $0.parent, labels: [.en: $0.labelEN, .ru: $0.labelRU, .ro: $0.labelRO],
                    isRetired: $0.isRetired)
            }
        }
        func edited(_ list: Vocabulary) -> Vocabulary { list.applying(edits[list.name] ?? []) }
        let terms = IncidentDraft.Terms(
            incidentTypes: edited(.incidentTypes), perpetratorTypes: edited(.perpetratorTypes), placeTypes: edited(.placeTypes),
            involvementDegrees: edited(.involvementDegrees), actStatuses: edited(.actStatuses),
            violationStatuses: edited(.violationStatuses), reliabilities: edited(.reliabilities),
            sourceConnections: edited(.sourceConnections))
        current.withLockedValue { $0 = terms }
    }

    /// One list as it is now, by name.
    func list(named name: String) -> Vocabulary? {
        let terms = self.terms
        return [
            terms.incidentTypes, terms.perpetratorTypes, terms.placeTypes, terms.involvementDegrees, terms.actStatuses,
            terms.violationStatuses, terms.reliabilities, terms.sourceConnections,
        ].first { $0.name == name }
    }

    /// Stores an administrator's edit of one term (relabelled, added or retired) and reloads the lists.
    func save(_ edit: VocabularyEdit, in list: String, by staff: SignedInStaff, on db: any Database) async throws {
        let record =
            try await VocabularyEditRecord.query(on: db).filter(\.$vocabulary == list).filter(\.$code == edit.code).first()
            ?? VocabularyEditRecord()
        let english = edit.labels[.en] ?? ""
        record.vocabulary = list
        record.code = edit.code
        record.parent = edit.parent
        record.labelEN = english
        record.labelRU = edit.labels[.ru].flatMap { $0.isEmpty ? nil : $0 } ?? english
        record.labelRO = edit.labels[.ro].flatMap { $0.isEmpty ? nil : $0 } ?? english
        record.isRetired = edit.isRetired
        try await audit.transaction(on: db) { tx, audit in
            try await record.save(on: tx)
            try await audit.append(
                actor: staff.actor, action: "vocabulary.edit", table: VocabularyEditRecord.schema, id: "\(list)/\(edit.code)")
        }
        try await reload(on: db)
    }
}
