import Foundation
import HavenDomain

/// A suggested vocabulary term with its score.
public struct Suggestion: Sendable, Equatable, Codable {
    public let code: String
    public let label: String
    public let score: Double
}
