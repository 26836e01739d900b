import Fluent
import Foundation
import HavenDomain
import Vapor

extension Casework {
    /// Erases a closed case's personal data: requester, notes, task titles and providers, every key copy, and the links to
    /// incidents (which would tie the figures back to them). With consent to anonymous statistics the case's clear fields
    /// (needs, risk, dates, outcome, services' costs) stay; without it the whole case is deleted. Irreversible; the
    /// write-ahead log is scrubbed afterwards.
    func erasePersonalData(of record: Case, actor: String, on db: any Database) async throws {
        guard record.status == .closed else { throw CaseWorkflow.Refusal.notAllowed }
        let caseID = try record.requireID()
        try await audit.transaction(on: db) { tx, audit in
            try await access.forget([.case(caseID)], on: tx)
            try await ReportHandover.unlink(.case(caseID), on: tx)
            try await CaseNote.query(on: tx).filter(\.$caseFile.$id == caseID).delete()
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
        await scrubber.scrub(db)
    }

    /// Closed cases whose last activity is older than `cutoff` and whose personal data is still there (retention).
    func expired(before cutoff: Date, on db: any Database) async throws -> [Case] {
        try await Case.query(on: db).filter(\.$status == .closed).filter(\.$lastActivityAt < cutoff).filter(\.$requesterSealed != Data())
            .all()
    }
}
