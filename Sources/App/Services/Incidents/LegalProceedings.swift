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
        guard
            let proceeding = try await Proceeding.query(on: db).filter(\.$id == proceedingID).filter(
                \.$incident.$id == incident.requireID()
            ).first()
        else { throw Abort(.notFound) }
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
