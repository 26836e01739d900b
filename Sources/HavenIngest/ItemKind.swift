import Foundation
import HavenDomain

/// What kind of text a news item is.
public enum ItemKind: String, Sendable, Codable, CaseIterable {
    case incidentReport = "incident_report"
    case statement
    case jointStatement = "joint_statement"
    case eventReport = "event_report"
    case other
}
