import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault

extension Casework {
    /// A case's editable details as a draft: the requester opened with the case key, needs, risk and consents.
    func draft(of record: Case, key: SymmetricKey) throws -> CaseDraft {
        let requester = try requester(of: record, key: key)
        var draft = CaseDraft()
        draft.pseudonym = requester.pseudonym
        draft.name = requester.name
        draft.contact = requester.contact
        draft.notes = requester.notes
        draft.needs = record.needList
        draft.risk = record.risk
        draft.consentsToServices = record.consentsToServices
        draft.consentsToSharing = record.consentsToSharing
        draft.consentsToStatistics = record.consentsToStatistics
        return draft
    }

    /// Corrects a case's details (the caller has checked `draft.problems`): the requester sealed anew, needs, risk and
    /// consents; the timeline and the audit log name the fields that changed, never their values. Returns those names
    /// (empty when nothing changed, and then nothing is written).
    @discardableResult
    func update(
        _ record: Case, key: SymmetricKey, to draft: CaseDraft, risk: RiskLevel, by staff: SignedInStaff, now: Date = Date(),
        on db: any Database
    ) async throws -> [String] {
        let id = try record.requireID()
        let before = try self.draft(of: record, key: key)
        var changed: [String] = []
        let pairs: [(String, Bool)] = [
            ("pseudonym", before.pseudonym != draft.pseudonym), ("name", before.name != draft.name),
            ("contact", before.contact != draft.contact), ("notes", before.notes != draft.notes),
            ("needs", Set(before.needs) != Set(draft.needs)), ("risk", record.risk != risk),
            ("consentsToServices", before.consentsToServices != draft.consentsToServices),
            ("consentsToSharing", before.consentsToSharing != draft.consentsToSharing),
            ("consentsToStatistics", before.consentsToStatistics != draft.consentsToStatistics),
        ]
        for (field, differs) in pairs where differs { changed.append(field) }
        guard !changed.isEmpty else { return [] }
        let detail = changed.joined(separator: ",")
        let requester = Requester(pseudonym: draft.pseudonym, name: draft.name, contact: draft.contact, notes: draft.notes)
        record.requesterSealed = try FieldCipher.seal(
            String(decoding: try JSONEncoder().encode(requester), as: UTF8.self), with: key, binding: Self.requesterBinding(id))
        record.risk = risk
        record.needs = draft.needs.map(\.rawValue).joined(separator: ",")
        record.consentsToServices = draft.consentsToServices
        record.consentsToSharing = draft.consentsToSharing
        record.consentsToStatistics = draft.consentsToStatistics
        record.lastActivityAt = now
        try await audit.transaction(on: db) { tx, audit in
            try await record.save(on: tx)
            try await CaseEvent(caseID: id, actorID: staff.id, kind: .edited, detail: detail, at: now).create(on: tx)
            try await audit.append(actor: staff.actor, action: "case.update", table: Case.schema, id: id.uuidString, at: now)
        }
        // The old requester's text may linger in free pages of the database file until they are overwritten.
        await scrubber.scrub(db)
        return changed
    }
}
