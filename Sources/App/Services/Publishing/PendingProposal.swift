import Foundation
import HavenDomain

/// An edit of a published publication waiting for a publisher: who proposed it, when, and the proposed draft.
struct PendingProposal: Sendable {
    let authorID: UUID?
    let proposedAt: Date
    let draft: PublicationDraft
}
