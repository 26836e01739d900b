import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// Legal proceedings of incidents: court, charge, stage, decision, penalty, representation and hearings.
enum LegalProceedings {
    static func binding(_ id: UUID) -> FieldBinding { FieldBinding(table: Proceeding.schema, recordID: id.uuidString, field: "details") }

    /// Adds a proceeding; `key` is the incident's key when it is restricted.
    static func add(app: Application, db: any Database, to incident: Incident, _ draft: ProceedingDraft, key: SymmetricKey?, by userID: UUID,
                    now: Date = Date()) async throws {
        let proceeding = Proceeding()
        let id = UUID()
        proceeding.id = id
        proceeding.$incident.id = try incident.requireID()
        try store(draft, in: proceeding, key: incident.isRestricted ? key : nil, now: now)
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await proceeding.create(on: tx)
            try await audit.append(actor: userID.uuidString, action: "proceeding.create", table: Proceeding.schema, id: id.uuidString, at: now)
        }
    }

    /// Adds a hearing to a proceeding.
    static func addHearing(app: Application, db: any Database, _ hearing: Hearing, to proceeding: Proceeding, of incident: Incident,
                           key: SymmetricKey?, by userID: UUID, now: Date = Date()) async throws {
        let recordKey = incident.isRestricted ? key : nil
        var draft = try open(proceeding, key: recordKey)
        draft.hearings.append(hearing)
        draft.hearings.sort { $0.day < $1.day }
        try store(draft, in: proceeding, key: recordKey, now: now)
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await proceeding.save(on: tx)
            try await audit.append(actor: userID.uuidString, action: "proceeding.hearing", table: Proceeding.schema, id: proceeding.requireID().uuidString, at: now)
        }
    }

    /// The proceedings of an incident, opened, oldest first.
    static func all(of incident: Incident, key: SymmetricKey?, on db: any Database) async throws -> [(record: Proceeding, draft: ProceedingDraft)] {
        try await Proceeding.query(on: db).filter(\.$incident.$id == incident.requireID()).sort(\.$updatedAt).all().map { proceeding in
            (proceeding, try open(proceeding, key: incident.isRestricted ? key : nil))
        }
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

    /// Hearings from `day` on, soonest first, with their incidents.
    static func upcoming(from day: String, on db: any Database) async throws -> [(day: String, incident: Incident)] {
        let proceedings = try await Proceeding.query(on: db).filter(\.$hearingDays != "").with(\.$incident).all()
        return proceedings.compactMap { proceeding in proceeding.nextHearing(onOrAfter: day).map { ($0, proceeding.incident) } }
            .sorted { $0.day < $1.day }
    }
}
