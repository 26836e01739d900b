import Fluent
import Foundation

/// Where information about an incident came from. Details are JSON (`SourceDetails`), sealed when restricted.
final class IncidentSource: Model, @unchecked Sendable {
    static let schema = "incident_sources"

    @ID(key: .id) var id: UUID?
    @Parent(key: "incident_id") var incident: Incident
    @Field(key: "position") var position: Int
    @Field(key: "details") var details: Data

    init() {}

    init(id: UUID, incidentID: UUID, position: Int, details: Data) {
        self.id = id
        self.$incident.id = incidentID
        self.position = position
        self.details = details
    }
}
