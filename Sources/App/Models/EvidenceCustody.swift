import Fluent
import Foundation

/// One line of an evidence file's custody log: uploaded, received from an anonymous report, viewed or downloaded, by whom, when.
final class EvidenceCustody: Model, @unchecked Sendable {
    static let schema = "evidence_custody"

    /// What was done with the file.
    enum Action: String, Codable, Sendable {
        /// `received`: carried from an anonymous report's files.
        case uploaded, received, viewed, downloaded
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "evidence_id") var evidence: Evidence
    @OptionalParent(key: "actor_user_id") var actor: User?
    @Enum(key: "action") var action: Action
    @Field(key: "happened_at") var happenedAt: Date

    init() {}

    init(evidenceID: UUID, actorID: UUID, action: Action, at date: Date = Date()) {
        self.$evidence.id = evidenceID
        self.$actor.id = actorID
        self.action = action
        self.happenedAt = date
    }
}
