import Foundation

/// Where a service for a case stands.
public enum ServiceStatus: String, CaseIterable, Sendable, Codable {
    case planned
    case inProgress = "in_progress"
    case delivered, cancelled

    public var labelKey: String { "service_status_\(rawValue)" }
}
