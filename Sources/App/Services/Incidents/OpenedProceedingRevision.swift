import Foundation
import HavenDomain

/// An earlier state of a legal proceeding, opened: what happened (`edited`, `removed`), who, when, and the details
/// before (nil when sealed
/// and the reader lacks the incident's key).
struct OpenedProceedingRevision: Sendable {
    let action: String
    let actorID: UUID?
    let changedAt: Date
    let previous: ProceedingDraft?
}
