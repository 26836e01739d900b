import Crypto
import Fluent
import Foundation
import HavenDomain
import Vapor

extension Casework {
    /// Gives a colleague a copy of the case key; refused (`RecordAccess.Refusal`) for a role that may not run cases.
    func assign(_ record: Case, key: SymmetricKey, to colleagueID: UUID, by staff: SignedInStaff, on db: any Database) async throws {
        guard let colleague = try await User.find(colleagueID, on: db) else { throw RecordAccess.Refusal.notActive }
        let caseID = try record.requireID()
        try await audit.transaction(on: db) { tx, audit in
            guard try await access.grant(key, of: .case(caseID), to: colleague, on: tx) else { return }
            try await CaseEvent(caseID: caseID, actorID: staff.id, kind: .assigned, detail: colleagueID.uuidString).create(on: tx)
            try await audit.append(actor: staff.actor, action: "case.assign", table: Case.schema, id: caseID.uuidString)
        }
    }

    /// Removes a staff member's copy of the case key; the last holder cannot be removed (only the recovery key would remain).
    func unassign(_ record: Case, holder holderID: UUID, by staff: SignedInStaff, on db: any Database) async throws -> Bool {
        let caseID = try record.requireID()
        return try await audit.transaction(on: db) { tx, audit in
            guard try await access.revoke(.case(caseID), from: holderID, on: tx) else { return false }
            try await CaseEvent(caseID: caseID, actorID: staff.id, kind: .unassigned, detail: holderID.uuidString).create(on: tx)
            try await audit.append(actor: staff.actor, action: "case.unassign", table: Case.schema, id: caseID.uuidString)
            return true
        }
    }
}
