import Foundation

/// What kind of text a publication is; each kind has its own list and feed on the public site.
public enum PublicationKind: String, CaseIterable, Sendable, Codable {
    case news, statement
    case jointStatement = "joint_statement"
    case eventReport = "event_report"

    public var labelKey: String { "publication_kind_\(rawValue)" }

    /// The public path segment of the kind's list, e.g. `joint-statements`.
    public var pathSegment: String {
        switch self {
        case .news: "news"
        case .statement: "statements"
        case .jointStatement: "joint-statements"
        case .eventReport: "event-reports"
        }
    }

    /// The kind whose list lives at a path segment.
    public init?(pathSegment: String) {
        guard let kind = Self.allCases.first(where: { $0.pathSegment == pathSegment }) else { return nil }
        self = kind
    }
}
