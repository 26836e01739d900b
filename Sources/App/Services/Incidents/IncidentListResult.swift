import Fluent
import Foundation
import HavenDomain
import SQLKit

/// A page of the incident list.
struct IncidentListResult: Sendable {
    let rows: [IncidentListRow]
    let total: Int
    /// True when search results are ordered by relevance; false when they are too many and come newest first.
    let isRanked: Bool
}
