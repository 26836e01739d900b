import Foundation
import HavenDomain

/// A suggested Annual Review heading.
public struct HeadingSuggestion: Sendable, Equatable, Codable {
    public let name: String
    public let score: Double
}
