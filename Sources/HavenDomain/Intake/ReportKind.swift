import Foundation

/// The three ways into anonymous intake.
public enum ReportKind: String, CaseIterable, Sendable, Codable {
    /// "I need help": a request that may become a case.
    case help
    /// "I experienced or witnessed a violation": may become a documented incident.
    case violation
    /// "Something else".
    case other

    /// The localisation key of the kind's name.
    public var labelKey: String { "report_kind_\(rawValue)" }
}
