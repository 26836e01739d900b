import Fluent
import Foundation

/// An earlier state of a legal proceeding, kept when it was edited or removed: who, when, and the details as they were
/// (sealed when the incident is restricted).
final class ProceedingRevision: Model, @unchecked Sendable {
    static let schema = "proceeding_revisions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "incident_id") var incident: Incident
    @Field(key: "proceeding_id") var proceedingID: UUID
    @OptionalParent(key: "actor_user_id") var actor: User?
    /// `edited` or `removed`.
    @Field(key: "action") var action: String
    @Field(key: "previous") var previous: Data
    @Field(key: "changed_at") var changedAt: Date

    init() {}
}
