import Fluent
import Foundation
import HavenDomain
import Vapor

extension Casework {
    /// Links a case to an incident (once); the timeline records the incident's code. False for an unknown code.
    func link(_ record: Case, toIncident typed: String, by staff: SignedInStaff, now: Date = Date(), on db: any Database) async throws
        -> Bool
    {
        guard let code = RecordCode.normalized(typed, prefix: "I"), let incident = try await Incident.find(on: db, code: code) else {
            return false
        }
        let caseID = try record.requireID()
        let incidentID = try incident.requireID()
        guard try await CaseIncident.query(on: db).filter(\.$caseFile.$id == caseID).filter(\.$incident.$id == incidentID).count() == 0
        else { return true }
        try await recordChange(record, event: .incident, detail: incident.code, action: "case.incident", by: staff, now: now, on: db) {
            tx in
            try await CaseIncident(caseID: caseID, incidentID: incidentID).create(on: tx)
        }
        return true
    }

    /// The incidents a case is linked to, newest first.
    func incidents(of record: Case, on db: any Database) async throws -> [Incident] {
        let ids = try await CaseIncident.query(on: db).filter(\.$caseFile.$id == record.requireID()).all().map(\.$incident.id)
        return try await Incident.query(on: db).filter(\.$id ~~ ids).sort(\.$startFrom, .descending).all()
    }
}
