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
    /// The anonymous report's file this was carried from, if any (so it is carried once).
    @OptionalField(key: "from_report_attachment_id") var fromReportAttachmentID: UUID?

    init() {}
}
