import Fluent
import Foundation
import HavenDomain

/// What an incident's `body` holds: the narrative and the place.
struct IncidentNarrative: Codable, Sendable, Equatable {
    var title: String
    var description: String
    var region: String
    var city: String
    var placeDetail: String
    /// The texts written for the public site, per content language (nil in records written before they existed).
    var publicTitle: Translations?
    var publicSummary: Translations?
}
