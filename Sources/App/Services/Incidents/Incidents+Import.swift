import Fluent
import Foundation
import HavenDomain

extension Incidents {
    /// What an import came to.
    enum ImportOutcome: Sendable {
        /// Nothing was stored: the preview, with its problems when it has any.
        case preview(IncidentCSV.Preview)
        /// Every row was stored, in one transaction; the new codes in order.
        case imported([String])
    }

    /// Reads incidents from CSV in an export's columns; with `store`, and only when no row has a problem, stores them
    /// all in one transaction (restricted ones sealed to the importer).
    func importCSV(_ text: String, store: Bool, by staff: SignedInStaff, on db: any Database) async throws -> ImportOutcome {
        let preview = IncidentCSV.preview(text, terms: vocabularies.terms)
        guard store, preview.problems.isEmpty, !preview.drafts.isEmpty else { return .preview(preview) }
        let documentationKey = try await documentationKey(for: staff, reason: "", on: db)
        let changes = preview.drafts.map { IncidentChange(draft: $0, victims: [], perpetrators: []) }
        return .imported(try await create(all: changes, documentationKey: documentationKey, by: staff, on: db))
    }
}
