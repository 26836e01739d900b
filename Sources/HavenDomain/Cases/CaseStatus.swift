import Foundation

/// Where a case stands: `new → triage → open → waiting → closed`, and back to open when reopened.
public enum CaseStatus: String, CaseIterable, Sendable, Codable {
    case new, triage, open, waiting, closed

    public var labelKey: String { "case_status_\(rawValue)" }
}
