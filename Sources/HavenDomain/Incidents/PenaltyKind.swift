import Foundation

/// What a court imposed.
public enum PenaltyKind: String, CaseIterable, Sendable, Codable {
    case none, fine, detention, expulsion, other

    public var labelKey: String { "penalty_\(rawValue)" }
}
