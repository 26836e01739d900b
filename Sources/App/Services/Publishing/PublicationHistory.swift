import Foundation
import HavenDomain

/// One revision of a publication: what was done (`create`, `edit`, `proposed`, `approved`, `rejected` or a status),
/// by whom, when, and the publication as it was after.
struct PublicationHistory: Sendable {
    let changedAt: Date
    let actorID: UUID?
    let action: String
    let snapshot: PublicationSnapshot
}
