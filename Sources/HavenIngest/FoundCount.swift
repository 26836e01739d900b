import Foundation
import HavenDomain

/// A number and what it counts.
public struct FoundCount: Sendable, Equatable, Codable {
    public let value: Int
    public let unit: String
    public let span: Span
}
