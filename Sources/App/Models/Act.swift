import Fluent
import Foundation

/// What was done to one victim within an incident. Details are JSON (`ActDetails`), sealed when the incident is
/// restricted; the person links are stored only for incidents that are not.
final class Act: Model, @unchecked Sendable {
    static let schema = "acts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "incident_id") var incident: Incident
    @Field(key: "position") var position: Int
    @OptionalParent(key: "victim_person_id") var victim: Person?
    @OptionalParent(key: "perpetrator_person_id") var perpetrator: Person?
    @Field(key: "details") var details: Data

    init() {}

    init(id: UUID, incidentID: UUID, position: Int, details: Data) {
        self.id = id
        self.$incident.id = incidentID
        self.position = position
        self.details = details
    }
}
