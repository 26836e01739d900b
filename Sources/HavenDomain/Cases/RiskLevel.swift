import Foundation

/// How much danger the person is in.
public enum RiskLevel: String, CaseIterable, Sendable, Codable {
    case critical, high, moderate, low

    public var labelKey: String { "risk_\(rawValue)" }
}
