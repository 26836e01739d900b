import Crypto
import Fluent
import Foundation
import HavenDomain

/// Who holds a restricted incident's key: given only to colleagues whose role reads documentation, chosen from a list,
/// never taking the last copy away.
extension Incidents {
    /// Gives a colleague a copy of a restricted incident's key; throws `RecordAccess.Refusal` for a colleague who may
    /// not hold it (or is unknown).
    func grant(_ record: Incident, key: SymmetricKey, to colleagueID: UUID, by staff: SignedInStaff, on db: any Database) async throws {
        let id = try record.requireID()
        guard record.isRestricted, let colleague = try await User.find(colleagueID, on: db) else { throw RecordAccess.Refusal.notActive }
        try await audit.transaction(on: db) { tx, audit in
            guard try await access.grant(key, of: .incident(id), to: colleague, on: tx) else { return }
            try await audit.append(actor: staff.actor, action: "incident.grant", table: Incident.schema, id: id.uuidString)
        }
    }

    /// Takes a holder's copy away; false when they hold none or are the last holder.
    func revoke(_ record: Incident, holder: UUID, by staff: SignedInStaff, on db: any Database) async throws -> Bool {
        let id = try record.requireID()
        return try await audit.transaction(on: db) { tx, audit in
            guard try await access.revoke(.incident(id), from: holder, on: tx) else { return false }
            try await audit.append(actor: staff.actor, action: "incident.revoke", table: Incident.schema, id: id.uuidString)
            return true
        }
    }

    /// Hearings from `day` on, soonest first.
    func upcomingHearings(from day: String, on db: any Database) async throws -> [UpcomingHearing] {
        try await proceedings.upcoming(from: day, on: db).map { item in
            UpcomingHearing(
                day: item.day, incidentCode: item.incident.code, title: item.incident.isRestricted ? "" : item.incident.title,
                isRestricted: item.incident.isRestricted)
        }
    }
}
