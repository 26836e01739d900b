import Foundation
import HavenDomain

/// Where a value was found in an item's text: character offsets, end exclusive, and the text itself.
public struct Span: Sendable, Equatable, Codable {
    public let start: Int
    public let end: Int
    public let text: String
}
