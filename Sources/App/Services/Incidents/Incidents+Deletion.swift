import Fluent
import Foundation
import HavenDomain
import HavenVault

/// Deleting an incident for good (a duplicate, one recorded by mistake): administrators and its author only.
extension Incidents {
    /// Whether a staff member may delete an incident: an administrator, or the documenter who recorded it.
    func mayDelete(_ record: Incident, by staff: SignedInStaff, on db: any Database) async throws -> Bool {
        if staff.role.managesUsers { return true }
        guard staff.role.writesDocumentation else { return false }
        return try await AuditEntry.query(on: db).filter(\.$action == "incident.create").filter(
            \.$targetID == record.requireID().uuidString
        )
        .filter(\.$actor == staff.actor).count() > 0
    }

    /// Deletes an incident with its acts, sources, evidence (files too), custody, proceedings, revisions, key copies,
    /// links to cases, publications and reports and its index entry, in one audited transaction that names the reason; the
    /// persons stay (other records may name them). Free pages of the database are scrubbed afterwards.
    func delete(_ record: Incident, reason: DeletionReason, by staff: SignedInStaff, on db: any Database) async throws {
        let id = try record.requireID()
        let seq = record.seq
        let files = try await Evidence.query(on: db).filter(\.$incident.$id == id).all().map(\.storedName)
        try await audit.transaction(on: db) { tx, audit in
            try await SearchIndex(tx, table: "incident_search").remove(seq: seq)
            try await KeyGrant.query(on: tx).filter(\.$recordTable == Incident.schema).filter(\.$recordID == id.uuidString).delete()
            try await ReportHandover.unlink(.incident(id), on: tx)
            try await record.delete(on: tx)
            try await audit.append(
                actor: staff.actor, action: "incident.delete.\(reason.rawValue)", table: Incident.schema, id: id.uuidString)
        }
        evidence.files.delete(files)
        try await recordedCountries.reload(on: db)
        publicPages.invalidate()
        await scrubber.scrub(db)
    }
}
