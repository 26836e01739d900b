import Crypto
import Foundation
import HavenDomain

/// What a new case starts with: a checked draft, and the report it was triaged from, if any.
struct NewCase: Sendable {
    var draft: CaseDraft
    var risk: RiskLevel
    var sourceReportID: UUID?
    /// The report's key, sealed under the case's key so the case's holders read the thread.
    var sourceReportKey: SymmetricKey? = nil

    /// The requester as sealed.
    var requester: Requester {
        Requester(pseudonym: draft.pseudonym, name: draft.name, contact: draft.contact, notes: draft.notes)
    }
}
