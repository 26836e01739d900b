import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// Legal proceedings of incidents: court, charge, stage, decision, penalty, representation and hearings, sealed with the
/// incident's key when it is restricted.
struct LegalProceedings: Sendable {
    let audit: AuditLog

    static func binding(_ id: UUID) -> FieldBinding { FieldBinding(table: Proceeding.schema, recordID: id.uuidString, field: "details") }

    /// Adds a proceeding; `key` is the incident's key when it is restricted.
    func add(
        _ draft: ProceedingDraft, to incident: Incident, key: SymmetricKey?, by staff: SignedInStaff, now: Date = Date(),
        on db: any Database
    ) async throws {
        let proceeding = Proceeding()
        let id = UUID()
        proceeding.id = id
        proceeding.$incident.id = try incident.requireID()
        try Self.store(draft, in: proceeding, key: incident.isRestricted ? key : nil, now: now)
        try await audit.transaction(on: db) { tx, audit in
            try await proceeding.create(on: tx)
            try await audit.append(actor: staff.actor, action: "proceeding.create", table: Proceeding.schema, id: id.uuidString, at: now)
        }
    }

    /// Adds a hearing to one of an incident's proceedings; 404 when the proceeding is not the incident's.
    func addHearing(
        _ hearing: Hearing, to proceedingID: UUID, of incident: Incident, key: SymmetricKey?, by staff: SignedInStaff,
        now: Date = Date(), on db: any Database
    ) async throws {
        let proceeding = try await find(proceedingID, of: incident, on: db)
        let recordKey = incident.isRestricted ? key : nil
        var draft = try Self.open(proceeding, key: recordKey)
        draft.hearings.append(hearing)
        draft.hearings.sort { $0.day < $1.day }
        try Self.store(draft, in: proceeding, key: recordKey, now: now)
        try await audit.transaction(on: db) { tx, audit in
            try await proceeding.save(on: tx)
            try await audit.append(
                actor: staff.actor, action: "proceeding.hearing", table: Proceeding.schema, id: proceedingID.uuidString, at: now)
        }
    }

    /// One of an incident's proceedings, opened; 404 when it is not the incident's.
    func one(_ proceedingID: UUID, of incident: Incident, key: SymmetricKey?, on db: any Database) async throws -> OpenedProceeding {
        let proceeding = try await find(proceedingID, of: incident, on: db)
        return OpenedProceeding(id: proceedingID, draft: try Self.open(proceeding, key: incident.isRestricted ? key : nil))
    }

    /// Replaces a proceeding's details and hearings, keeping the details as they were as a revision.
    func update(
        _ proceedingID: UUID, to draft: ProceedingDraft, of incident: Incident, key: SymmetricKey?, by staff: SignedInStaff,
        now: Date = Date(), on db: any Database
    ) async throws {
        let proceeding = try await find(proceedingID, of: incident, on: db)
        let recordKey = incident.isRestricted ? key : nil
        let before = try Self.open(proceeding, key: recordKey)
        guard before != draft else { return }
        var sorted = draft
        sorted.hearings.sort { $0.day < $1.day }
        let revision = try Self.revision(of: before, proceedingID, incident, action: "edited", key: recordKey, by: staff, now: now)
        try Self.store(sorted, in: proceeding, key: recordKey, now: now)
        try await audit.transaction(on: db) { tx, audit in
            try await revision.create(on: tx)
            try await proceeding.save(on: tx)
            try await audit.append(
                actor: staff.actor, action: "proceeding.update", table: Proceeding.schema, id: proceedingID.uuidString, at: now)
        }
    }

    /// Removes a proceeding; its last state stays as a revision of the incident until the incident itself is deleted.
    func remove(
        _ proceedingID: UUID, of incident: Incident, key: SymmetricKey?, by staff: SignedInStaff, now: Date = Date(),
        on db: any Database
    ) async throws {
        let proceeding = try await find(proceedingID, of: incident, on: db)
        let recordKey = incident.isRestricted ? key : nil
        let before = try Self.open(proceeding, key: recordKey)
        let revision = try Self.revision(of: before, proceedingID, incident, action: "removed", key: recordKey, by: staff, now: now)
        try await audit.transaction(on: db) { tx, audit in
            try await revision.create(on: tx)
            try await proceeding.delete(on: tx)
            try await audit.append(
                actor: staff.actor, action: "proceeding.remove", table: Proceeding.schema, id: proceedingID.uuidString, at: now)
        }
    }

    /// A proceeding's earlier states, newest first. One sealed while the incident was restricted opens with its key;
    /// without it, it is listed with no details.
    func revisions(of proceedingID: UUID, of incident: Incident, key: SymmetricKey?, on db: any Database) async throws
        -> [OpenedProceedingRevision]
    {
        try await ProceedingRevision.query(on: db).filter(\.$incident.$id == incident.requireID())
            .filter(\.$proceedingID == proceedingID).sort(\.$changedAt, .descending).all().map { revision in
                let sealed = StoredJSON.isSealed(revision.previous)
                let previous =
                    sealed && key == nil
                    ? nil
                    : try StoredJSON.decode(
                        ProceedingDraft.self, from: revision.previous, key: sealed ? key : nil,
                        binding: Self.revisionBinding(revision.requireID()))
                return OpenedProceedingRevision(
                    action: revision.action, actorID: revision.$actor.id, changedAt: revision.changedAt, previous: previous)
            }
    }

    private func find(_ proceedingID: UUID, of incident: Incident, on db: any Database) async throws -> Proceeding {
        guard
            let proceeding = try await Proceeding.query(on: db).filter(\.$id == proceedingID)
                .filter(\.$incident.$id == incident.requireID()).first()
        else { throw Abort(.notFound) }
        return proceeding
    }

    static func revisionBinding(_ id: UUID) -> FieldBinding {
        FieldBinding(table: ProceedingRevision.schema, recordID: id.uuidString, field: "previous")
    }

    private static func revision(
        of before: ProceedingDraft, _ proceedingID: UUID, _ incident: Incident, action: String, key: SymmetricKey?,
        by staff: SignedInStaff, now: Date
    ) throws -> ProceedingRevision {
        let revision = ProceedingRevision()
        let id = UUID()
        revision.id = id
        revision.$incident.id = try incident.requireID()
        revision.proceedingID = proceedingID
        revision.$actor.id = staff.id
        revision.action = action
        revision.previous = try StoredJSON.encode(before, sealedWith: key, binding: revisionBinding(id))
        revision.changedAt = now
        return revision
    }

    /// The proceedings of an incident, opened, oldest first.
    func all(of incident: Incident, key: SymmetricKey?, on db: any Database) async throws -> [OpenedProceeding] {
        try await Proceeding.query(on: db).filter(\.$incident.$id == incident.requireID()).sort(\.$updatedAt).all().map { proceeding in
            OpenedProceeding(id: try proceeding.requireID(), draft: try Self.open(proceeding, key: incident.isRestricted ? key : nil))
        }
    }

    /// Hearings from `day` on, soonest first, with their incidents.
    func upcoming(from day: String, on db: any Database) async throws -> [(day: String, incident: Incident)] {
        let proceedings = try await Proceeding.query(on: db).filter(\.$hearingDays != "").with(\.$incident).all()
        return proceedings.compactMap { proceeding in proceeding.nextHearing(onOrAfter: day).map { ($0, proceeding.incident) } }
            .sorted { $0.day < $1.day }
    }

    static func open(_ proceeding: Proceeding, key: SymmetricKey?) throws -> ProceedingDraft {
        try StoredJSON.decode(ProceedingDraft.self, from: proceeding.details, key: key, binding: binding(proceeding.requireID()))
    }

    static func store(_ draft: ProceedingDraft, in proceeding: Proceeding, key: SymmetricKey?, now: Date) throws {
        proceeding.details = try StoredJSON.encode(draft, sealedWith: key, binding: binding(proceeding.requireID()))
        proceeding.hearingDays = draft.hearings.map(\.day).sorted().joined(separator: ",")
        proceeding.appealDeadline = draft.appealDeadline.isEmpty ? nil : draft.appealDeadline
        proceeding.updatedAt = now
    }
}
