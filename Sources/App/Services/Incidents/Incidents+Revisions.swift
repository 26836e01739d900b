import Fluent
import Foundation
import HavenDomain
import HavenVault

extension Incidents {
    /// An incident's revisions, newest first. A revision sealed while the incident was restricted opens with its key:
    /// a former holder still reads it after the incident stops being restricted; anyone else sees it listed as sealed.
    func revisions(of record: Incident, keys: DocumentationKeys, for staff: SignedInStaff, on db: any Database) async throws
        -> [OpenedRevision]
    {
        let id = try record.requireID()
        let revisions = try await IncidentRevision.query(on: db).filter(\.$incident.$id == id).sort(\.$changedAt, .descending).all()
        var revisionKey = keys.incident
        if revisionKey == nil { revisionKey = try await access.key(of: .incident(id), for: staff, on: db) }
        return try revisions.map { revision in
            let previous =
                StoredJSON.isSealed(revision.previous) && revisionKey == nil
                ? nil
                : try StoredJSON.decode(
                    IncidentDraft.self, from: revision.previous, key: revisionKey, binding: Self.revisionBinding(revision.requireID()))
            return OpenedRevision(
                changedAt: revision.changedAt, actorID: revision.$actor.id,
                changedFields: revision.changedFields.split(separator: ",").map(String.init), previous: previous)
        }
    }
}
