import Fluent
import Foundation
import HavenDomain

/// A public incident a publication speaks about.
final class PublicationIncident: Model, @unchecked Sendable {
    static let schema = "publication_incidents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "publication_id") var publication: Publication
    @Parent(key: "incident_id") var incident: Incident

    init() {}

    init(publicationID: UUID, incidentID: UUID) {
        self.$publication.id = publicationID
        self.$incident.id = incidentID
    }
}
