import Fluent
import Foundation

/// An act's details: the victim, the act, and one involvement (a perpetrator person and/or type, with a degree).
struct ActDetails: Codable, Sendable, Equatable {
    var victimID: UUID
    var type: String
    var date: String
    var placeType: String
    var status: String
    var consequences: String
    var perpetratorID: UUID?
    var perpetratorType: String
    var degree: String
}
