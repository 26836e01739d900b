import Fluent
import Foundation
import HavenDomain
import Vapor

/// Proposed edits of published publications: a publisher sees the proposal beside the published text and approves
/// (the text changes, the site follows) or rejects it.
extension Publishing {
    /// The proposal waiting on a publication, if any.
    func proposal(of record: Publication, on db: any Database) async throws -> PendingProposal? {
        guard let proposal = try await PublicationProposal.query(on: db).filter(\.$publication.$id == record.requireID()).first() else {
            return nil
        }
        return PendingProposal(
            authorID: proposal.$author.id, proposedAt: proposal.proposedAt,
            draft: try JSONDecoder().decode(PublicationDraft.self, from: proposal.draft))
    }

    /// Applies the waiting proposal; false when there is none. Only a role that publishes may approve.
    func approve(_ record: Publication, by staff: SignedInStaff, now: Date = Date(), on db: any Database) async throws -> Bool {
        guard staff.role.can(.publishes) else { throw Refusal.needsPublisher }
        guard let pending = try await proposal(of: record, on: db) else { return false }
        let id = try record.requireID()
        try await audit.transaction(on: db) { tx, audit in
            try await PublicationProposal.query(on: tx).filter(\.$publication.$id == id).delete()
            try await write(record, pending.draft, isNew: false, on: tx, now: now)
            try await revise(record, pending.draft, action: "approved", by: staff.id, on: tx, now: now)
            try await audit.append(
                actor: staff.actor, action: "publication.proposal.approve", table: Publication.schema, id: id.uuidString, at: now)
        }
        publicPages.invalidate()
        return true
    }

    /// Discards the waiting proposal; false when there is none. Only a role that publishes may reject.
    func reject(_ record: Publication, by staff: SignedInStaff, now: Date = Date(), on db: any Database) async throws -> Bool {
        guard staff.role.can(.publishes) else { throw Refusal.needsPublisher }
        let id = try record.requireID()
        guard try await proposal(of: record, on: db) != nil else { return false }
        let current = try await open(record, on: db).draft
        try await audit.transaction(on: db) { tx, audit in
            try await PublicationProposal.query(on: tx).filter(\.$publication.$id == id).delete()
            try await revise(record, current, action: "rejected", by: staff.id, on: tx, now: now)
            try await audit.append(
                actor: staff.actor, action: "publication.proposal.reject", table: Publication.schema, id: id.uuidString, at: now)
        }
        return true
    }

    /// A publication's revisions, oldest first.
    func history(of record: Publication, on db: any Database) async throws -> [PublicationHistory] {
        try await PublicationRevision.query(on: db).filter(\.$publication.$id == record.requireID()).sort(\.$changedAt).all().map {
            revision in
            PublicationHistory(
                changedAt: revision.changedAt, actorID: revision.$actor.id, action: revision.action,
                snapshot: try JSONDecoder().decode(PublicationSnapshot.self, from: revision.snapshot))
        }
    }
}
