import Foundation

/// Where a report stands in the intake inbox.
public enum ReportStatus: String, CaseIterable, Sendable, Codable {
    case new, open, closed

    public var labelKey: String { "report_status_\(rawValue)" }
}
