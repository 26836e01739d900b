import Fluent
import Foundation
import HavenDomain

/// A documented incident (ESF event). Country, dates, types, statuses and counts stay in clear for filters and
/// statistics; the narrative (`body`) is JSON, sealed under the incident's own key when it is restricted.
final class Incident: Model, @unchecked Sendable {
    static let schema = "incidents"

    @ID(key: .id) var id: UUID?
    /// A small integer key for the search index and facets.
    @Field(key: "seq") var seq: Int
    /// The code shown everywhere, e.g. `I-3M8XQA`.
    @Field(key: "code") var code: String
    @Enum(key: "confidentiality") var confidentiality: Confidentiality
    /// Empty when restricted (the title is sealed in `body`).
    @Field(key: "title") var title: String
    @Field(key: "body") var body: Data
    @Field(key: "country") var country: String
    @Field(key: "start_date") var startDate: String
    /// The first day the start may mean, `yyyy-MM-dd`.
    @Field(key: "start_from") var startFrom: String
    @OptionalField(key: "end_date") var endDate: String?
    /// The last day the incident may have lasted to, `yyyy-MM-dd`.
    @Field(key: "end_to") var endTo: String
    @Field(key: "violation_status") var violationStatus: String
    @Field(key: "reliability") var reliability: String
    @Enum(key: "verification") var verification: VerificationStatus
    @OptionalField(key: "victims") var victims: Int?
    @OptionalField(key: "participants") var participants: Int?
    @OptionalField(key: "detainees") var detainees: Int?
    @OptionalParent(key: "created_by_user_id") var createdBy: User?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// The incident with this code, if any.
    static func find(on db: any Database, code: String) async throws -> Incident? {
        try await Incident.query(on: db).filter(\.$code == code).first()
    }

    var isRestricted: Bool { confidentiality == .restricted }
}
