import Fluent
import Foundation
import HavenDomain

/// A legal proceeding of an incident. Details are JSON (`ProceedingDraft`), sealed when the incident is restricted;
/// hearing days and the appeal deadline stay in clear (dates only) for the list of upcoming hearings.
final class Proceeding: Model, @unchecked Sendable {
    static let schema = "proceedings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "incident_id") var incident: Incident
    @Field(key: "details") var details: Data
    /// Every hearing day, `yyyy-MM-dd`, sorted, comma-separated.
    @Field(key: "hearing_days") var hearingDays: String
    @OptionalField(key: "appeal_deadline") var appealDeadline: String?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// The first hearing day on or after `day`, if any.
    func nextHearing(onOrAfter day: String) -> String? {
        hearingDays.split(separator: ",").map(String.init).first { $0 >= day }
    }
}
