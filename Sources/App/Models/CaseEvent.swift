import Fluent
import Foundation
import HavenDomain

/// One line of a case's timeline: what happened, by whom, when (never content).
final class CaseEvent: Model, @unchecked Sendable {
    static let schema = "case_events"

    /// What happened.
    enum Kind: String, Codable, Sendable, CaseIterable {
        case opened, triaged, status, note, assigned, unassigned, task
        case taskDone = "task_done"
        case service, incident
        /// Details corrected; `detail` names the fields (`risk,needs`).
        case edited
        case taskEdited = "task_edited"
        case taskRemoved = "task_removed"
        /// `detail` names the fields (`status,cost`).
        case serviceUpdated = "service_updated"
        case serviceRemoved = "service_removed"
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var caseFile: Case
    @OptionalParent(key: "actor_user_id") var actor: User?
    @Enum(key: "kind") var kind: Kind
    /// A status code or a user id; never content.
    @Field(key: "detail") var detail: String
    @Field(key: "happened_at") var happenedAt: Date

    init() {}

    init(caseID: UUID, actorID: UUID, kind: Kind, detail: String = "", at date: Date = Date()) {
        self.$caseFile.id = caseID
        self.$actor.id = actorID
        self.kind = kind
        self.detail = detail
        self.happenedAt = date
    }
}
