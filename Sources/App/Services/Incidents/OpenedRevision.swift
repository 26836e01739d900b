import Foundation
import HavenDomain

/// An earlier state of an incident: when and by whom it changed, which fields, and the draft before the change; nil
/// when it was sealed while the incident was restricted and the reader holds no key that opens it.
struct OpenedRevision: Sendable {
    let changedAt: Date
    let actorID: UUID?
    let changedFields: [String]
    let previous: IncidentDraft?
}
