import Fluent
import Foundation

/// An earlier state of an incident: who changed it, when, which fields, and the draft as it was (sealed when restricted).
final class IncidentRevision: Model, @unchecked Sendable {
    static let schema = "incident_revisions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "incident_id") var incident: Incident
    @OptionalParent(key: "actor_user_id") var actor: User?
    /// Field names, comma-separated.
    @Field(key: "changed_fields") var changedFields: String
    @Field(key: "previous") var previous: Data
    @Field(key: "changed_at") var changedAt: Date

    init() {}

    init(id: UUID, incidentID: UUID, actorID: UUID, changedFields: [String], previous: Data, at date: Date) {
        self.id = id
        self.$incident.id = incidentID
        self.$actor.id = actorID
        self.changedFields = changedFields.joined(separator: ",")
        self.previous = previous
        self.changedAt = date
    }
}
