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

/// An administrator's change to a vocabulary, as stored.
final class VocabularyEditRecord: Model, @unchecked Sendable {
    static let schema = "vocabulary_edits"

    @ID(key: .id) var id: UUID?
    @Field(key: "vocabulary") var vocabulary: String
    @Field(key: "code") var code: String
    @OptionalField(key: "parent") var parent: String?
    @Field(key: "label_en") var labelEN: String
    @Field(key: "label_ru") var labelRU: String
    @Field(key: "label_ro") var labelRO: String
    @Field(key: "is_retired") var isRetired: Bool

    init() {}
}
