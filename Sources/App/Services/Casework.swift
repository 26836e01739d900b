import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// The requester of a case as sealed: a pseudonym everyone on the case uses, and identity only they can read.
struct Requester: Codable, Sendable, Equatable {
    var pseudonym: String
    var name: String
    var contact: String
    var notes: String
}

/// What a new case starts with.
struct NewCase: Sendable {
    var requester: Requester
    var risk: RiskLevel
    var needs: [Need]
    var consents: (services: Bool, sharing: Bool, statistics: Bool)
    var firstNote: String
    var sourceReportID: UUID?
}

/// A case opened for one staff member.
struct OpenedCase: Sendable {
    /// A note, opened.
    struct Note: Sendable {
        let body: String
        let writtenAt: Date
    }

    /// A task, opened.
    struct Task: Sendable {
        let id: UUID
        let title: String
        let dueOn: String
        let isDone: Bool
    }

    /// A service, opened.
    struct Service: Sendable {
        let need: Need
        let provider: String
        let status: ServiceStatus
        let startsOn: String?
        let endsOn: String?
        let cost: Money?
        let budgetLine: BudgetLine?
    }

    let record: Case
    let requester: Requester
    let notes: [Note]
    let tasks: [Task]
    let services: [Service]
    let events: [CaseEvent]
    let holders: [UUID]
    let key: SymmetricKey
}

/// Cases: creation (also from a report), access by key copies, notes, the status workflow and assignment.
enum Casework {
    static func requesterBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: Case.schema, recordID: id.uuidString, field: "requester") }
    static func noteBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: CaseNote.schema, recordID: id.uuidString, field: "body") }
    static func taskBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: CaseTask.schema, recordID: id.uuidString, field: "title") }
    static func serviceBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: CaseService.schema, recordID: id.uuidString, field: "provider") }

    /// Creates a case with a fresh key, sealed to its creator and the recovery key; returns its code.
    static func create(app: Application, db: any Database, _ new: NewCase, by creator: (id: UUID, publicKey: Data), now: Date = Date()) async throws -> String {
        guard let organisation = try await Organisation.current(on: db) else { throw Abort(.conflict) }
        let id = UUID()
        let key = SymmetricKey(size: .bits256)
        let requester = String(decoding: try JSONEncoder().encode(new.requester), as: UTF8.self)
        var code = CaseCode.random()
        while try await Case.find(on: db, code: code) != nil { code = CaseCode.random() }
        let record = Case(id: id, code: code, risk: new.risk, needs: new.needs, consents: new.consents,
                          requesterSealed: try FieldCipher.seal(requester, with: key, binding: requesterBinding(id)),
                          sourceReportID: new.sourceReportID, at: now)
        let grants = [
            try KeyGrant.sealing(key, table: Case.schema, recordID: id.uuidString, holder: creator.id, publicKey: creator.publicKey),
            try KeyGrant.sealing(key, table: Case.schema, recordID: id.uuidString, holder: nil, publicKey: organisation.recoveryPublicKey),
        ]
        let noteID = UUID()
        let note = new.firstNote.isEmpty ? nil
            : CaseNote(id: noteID, caseID: id, authorID: creator.id, bodySealed: try FieldCipher.seal(new.firstNote, with: key, binding: noteBinding(noteID)), at: now)
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await record.create(on: tx)
            try await grants.create(on: tx)
            try await note?.create(on: tx)
            try await CaseEvent(caseID: id, actorID: creator.id, kind: new.sourceReportID == nil ? .opened : .triaged, at: now).create(on: tx)
            try await audit.append(actor: creator.id.uuidString, action: new.sourceReportID == nil ? "case.create" : "case.create.from-report",
                                   table: Case.schema, id: id.uuidString, at: now)
        }
        return code
    }

    /// Opens a case's requester, notes and timeline with its key.
    static func open(_ record: Case, key: SymmetricKey, db: any Database) async throws -> OpenedCase {
        let id = try record.requireID()
        let requester = try JSONDecoder().decode(Requester.self, from: Data(try FieldCipher.open(record.requesterSealed, with: key, binding: requesterBinding(id)).utf8))
        let notes = try await CaseNote.query(on: db).filter(\.$caseFile.$id == id).sort(\.$writtenAt).all().map { note in
            OpenedCase.Note(body: try FieldCipher.open(note.bodySealed, with: key, binding: noteBinding(try note.requireID())), writtenAt: note.writtenAt)
        }
        let tasks = try await CaseTask.query(on: db).filter(\.$caseFile.$id == id).sort(\.$dueOn).all().map { task in
            let taskID = try task.requireID()
            return OpenedCase.Task(id: taskID, title: try FieldCipher.open(task.titleSealed, with: key, binding: taskBinding(taskID)),
                                   dueOn: task.dueOn, isDone: task.isDone)
        }
        let services = try await CaseService.query(on: db).filter(\.$caseFile.$id == id).all().map { service in
            OpenedCase.Service(need: service.need, provider: try FieldCipher.open(service.providerSealed, with: key, binding: serviceBinding(service.requireID())),
                               status: service.status, startsOn: service.startsOn, endsOn: service.endsOn, cost: service.cost, budgetLine: service.budgetLine)
        }
        let events = try await CaseEvent.query(on: db).filter(\.$caseFile.$id == id).sort(\.$happenedAt).all()
        let holders = try await KeyGrant.query(on: db).filter(\.$recordTable == Case.schema).filter(\.$recordID == id.uuidString).all()
            .compactMap { $0.$holder.id }
        return OpenedCase(record: record, requester: requester, notes: notes, tasks: tasks, services: services, events: events, holders: holders, key: key)
    }

    /// Adds a sealed note.
    static func addNote(app: Application, db: any Database, to record: Case, key: SymmetricKey, text: String, by userID: UUID, now: Date = Date()) async throws {
        let noteID = UUID()
        let note = CaseNote(id: noteID, caseID: try record.requireID(), authorID: userID,
                            bodySealed: try FieldCipher.seal(text, with: key, binding: noteBinding(noteID)), at: now)
        try await recordChange(app: app, db: db, record, event: .note, action: "case.note", by: userID, now: now) { tx in try await note.create(on: tx) }
    }

    /// Moves a case along the workflow; throws the refusal for an illegal change.
    static func changeStatus(app: Application, db: any Database, of record: Case, to status: CaseStatus, reason: ClosingReason?,
                             by userID: UUID, now: Date = Date()) async throws {
        try CaseWorkflow.check(from: record.status, to: status, reason: reason)
        let caseID = try record.requireID()
        record.status = status
        record.closingReason = reason
        record.lastActivityAt = now
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await record.save(on: tx)
            try await CaseEvent(caseID: caseID, actorID: userID, kind: .status, detail: status.rawValue + (reason.map { ":" + $0.rawValue } ?? ""), at: now).create(on: tx)
            try await audit.append(actor: userID.uuidString, action: "case.status.\(status.rawValue)", table: Case.schema, id: caseID.uuidString, at: now)
        }
    }

    /// Seals the case key to another staff member (found by e-mail); false when no such active staff member exists.
    static func assign(app: Application, db: any Database, _ record: Case, key: SymmetricKey, email: EmailAddress, by userID: UUID) async throws -> Bool {
        guard let user = try await User.find(on: db, emailLookup: app.haven.lookupKey.emailLookup(email.value)), user.status != .disabled else { return false }
        let caseID = try record.requireID()
        let holderID = try user.requireID()
        let existing = try await KeyGrant.query(on: db).filter(\.$recordTable == Case.schema).filter(\.$recordID == caseID.uuidString)
            .filter(\.$holder.$id == holderID).count()
        guard existing == 0 else { return true }
        let grant = try KeyGrant.sealing(key, table: Case.schema, recordID: caseID.uuidString, holder: holderID, publicKey: user.publicKey)
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await grant.create(on: tx)
            try await CaseEvent(caseID: caseID, actorID: userID, kind: .assigned, detail: holderID.uuidString).create(on: tx)
            try await audit.append(actor: userID.uuidString, action: "case.assign", table: Case.schema, id: caseID.uuidString)
        }
        return true
    }

    /// Removes a staff member's copy of the case key; the last holder cannot be removed (only the recovery key would remain).
    static func unassign(app: Application, db: any Database, _ record: Case, holder holderID: UUID, by userID: UUID) async throws -> Bool {
        let caseID = try record.requireID()
        let holders = try await KeyGrant.query(on: db).filter(\.$recordTable == Case.schema).filter(\.$recordID == caseID.uuidString)
            .all().compactMap { $0.$holder.id }
        guard holders.contains(holderID), holders.count > 1 else { return false }
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await KeyGrant.query(on: tx).filter(\.$recordTable == Case.schema).filter(\.$recordID == caseID.uuidString)
                .filter(\.$holder.$id == holderID).delete()
            try await CaseEvent(caseID: caseID, actorID: userID, kind: .unassigned, detail: holderID.uuidString).create(on: tx)
            try await audit.append(actor: userID.uuidString, action: "case.unassign", table: Case.schema, id: caseID.uuidString)
        }
        return true
    }
}
