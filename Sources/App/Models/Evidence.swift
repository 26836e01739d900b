import Fluent
import Foundation

/// An evidence file: sealed in chunks under a random name with its own key, which is sealed under the incident's key
/// (restricted) or the documentation key. Name, type and SHA-256 are sealed too (`EvidenceAbout`).
final class Evidence: Model, @unchecked Sendable {
    static let schema = "evidence"

    @ID(key: .id) var id: UUID?
    @Parent(key: "incident_id") var incident: Incident
    @OptionalParent(key: "source_id") var source: IncidentSource?
    @Field(key: "stored_name") var storedName: String
    @Field(key: "key_sealed") var keySealed: Data
    @Field(key: "about_sealed") var aboutSealed: Data
    @Field(key: "size") var size: Int
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}

/// What is known about an evidence file, sealed.
struct EvidenceAbout: Codable, Sendable, Equatable {
    var fileName: String
    var contentType: String
    var sha256: String
}

/// One line of an evidence file's custody log: uploaded, viewed or downloaded, by whom, when.
final class EvidenceCustody: Model, @unchecked Sendable {
    static let schema = "evidence_custody"

    /// What was done with the file.
    enum Action: String, Codable, Sendable {
        case uploaded, viewed, downloaded
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
