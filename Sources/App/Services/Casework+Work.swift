import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// Tasks, services, the shared change recorder and erasure.
extension Casework {
    /// Adds a task with a due day (`yyyy-MM-dd`); its title is sealed.
    static func addTask(app: Application, db: any Database, to record: Case, key: SymmetricKey, title: String, dueOn: String, by userID: UUID) async throws {
        let caseID = try record.requireID()
        let taskID = UUID()
        let task = CaseTask(id: taskID, caseID: caseID, titleSealed: try FieldCipher.seal(title, with: key, binding: taskBinding(taskID)), dueOn: dueOn)
        try await recordChange(app: app, db: db, record, event: .task, action: "case.task.add", by: userID) { tx in try await task.create(on: tx) }
    }

    /// Marks a task of this case done.
    static func completeTask(app: Application, db: any Database, of record: Case, taskID: UUID, by userID: UUID) async throws -> Bool {
        let caseID = try record.requireID()
        guard let task = try await CaseTask.query(on: db).filter(\.$id == taskID).filter(\.$caseFile.$id == caseID).first(), !task.isDone else { return false }
        task.isDone = true
        try await recordChange(app: app, db: db, record, event: .taskDone, action: "case.task.done", by: userID) { tx in try await task.save(on: tx) }
        return true
    }

    /// Adds a service for one of the case's needs; the provider is sealed, status, dates and cost stay in clear.
    static func addService(app: Application, db: any Database, to record: Case, key: SymmetricKey, need: Need, provider: String,
                           status: ServiceStatus, startsOn: String?, endsOn: String?, cost: Money?, budgetLine: BudgetLine?, by userID: UUID) async throws {
        let caseID = try record.requireID()
        let serviceID = UUID()
        let service = CaseService(id: serviceID, caseID: caseID, need: need,
                                  providerSealed: try FieldCipher.seal(provider, with: key, binding: serviceBinding(serviceID)),
                                  status: status, startsOn: startsOn, endsOn: endsOn, cost: cost, budgetLine: budgetLine)
        try await recordChange(app: app, db: db, record, event: .service, action: "case.service.add", by: userID) { tx in try await service.create(on: tx) }
    }

    /// Runs a change with its timeline line, the case's activity date and the audit entry, in one transaction.
    static func recordChange(app: Application, db: any Database, _ record: Case, event: CaseEvent.Kind, detail: String = "", action: String,
                             by userID: UUID, now: Date = Date(), _ change: @escaping @Sendable (any Database) async throws -> Void) async throws {
        let caseID = try record.requireID()
        record.lastActivityAt = now
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await change(tx)
            try await record.save(on: tx)
            try await CaseEvent(caseID: caseID, actorID: userID, kind: event, detail: detail, at: now).create(on: tx)
            try await audit.append(actor: userID.uuidString, action: action, table: Case.schema, id: caseID.uuidString, at: now)
        }
    }

    /// Erases a closed case's personal data: requester, notes, task titles and providers, every key copy. With consent to
    /// anonymous statistics the case's clear fields (needs, risk, dates, outcome, services' costs) stay; without it the
    /// whole case is deleted. Irreversible.
    static func erasePersonalData(app: Application, db: any Database, of record: Case, actor: String) async throws {
        guard record.status == .closed else { throw CaseWorkflow.Refusal.notAllowed }
        let caseID = try record.requireID()
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await KeyGrant.query(on: tx).filter(\.$recordTable == Case.schema).filter(\.$recordID == caseID.uuidString).delete()
            try await CaseNote.query(on: tx).filter(\.$caseFile.$id == caseID).delete()
            // The links to incidents would tie the anonymous figures back to an identifiable incident.
            try await CaseIncident.query(on: tx).filter(\.$caseFile.$id == caseID).delete()
            try await CaseEvent.query(on: tx).filter(\.$caseFile.$id == caseID).filter(\.$kind == .incident).delete()
            if record.consentsToStatistics {
                try await CaseTask.query(on: tx).filter(\.$caseFile.$id == caseID).set(\.$titleSealed, to: Data()).update()
                try await CaseService.query(on: tx).filter(\.$caseFile.$id == caseID).set(\.$providerSealed, to: Data()).update()
                record.requesterSealed = Data()
                record.sourceReportID = nil
                try await record.save(on: tx)
                try await audit.append(actor: actor, action: "case.erase", table: Case.schema, id: caseID.uuidString)
            } else {
                try await CaseTask.query(on: tx).filter(\.$caseFile.$id == caseID).delete()
                try await CaseService.query(on: tx).filter(\.$caseFile.$id == caseID).delete()
                try await CaseEvent.query(on: tx).filter(\.$caseFile.$id == caseID).delete()
                try await record.delete(on: tx)
                try await audit.append(actor: actor, action: "case.delete", table: Case.schema, id: caseID.uuidString)
            }
        }
        await RemovedTextScrubber.scrub(db, logger: app.logger)
    }

    /// Links a case to an incident (once); the timeline records the incident's code.
    static func link(app: Application, db: any Database, _ record: Case, to incident: Incident, by userID: UUID, now: Date = Date()) async throws {
        let caseID = try record.requireID()
        let incidentID = try incident.requireID()
        guard try await CaseIncident.query(on: db).filter(\.$caseFile.$id == caseID).filter(\.$incident.$id == incidentID).count() == 0 else { return }
        try await recordChange(app: app, db: db, record, event: .incident, detail: incident.code, action: "case.incident", by: userID, now: now) { tx in
            try await CaseIncident(caseID: caseID, incidentID: incidentID).create(on: tx)
        }
    }

    /// The incidents a case is linked to, newest first.
    static func incidents(of record: Case, on db: any Database) async throws -> [Incident] {
        let ids = try await CaseIncident.query(on: db).filter(\.$caseFile.$id == record.requireID()).all().map(\.$incident.id)
        return try await Incident.query(on: db).filter(\.$id ~~ ids).sort(\.$startFrom, .descending).all()
    }
}
