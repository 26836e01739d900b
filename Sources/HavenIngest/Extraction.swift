import Foundation
import HavenDomain

/// Everything extracted from one news item.
public struct Extraction: Sendable, Equatable, Codable {
    public let text: String
    public let language: String
    public let kind: ItemKind
    public let dates: [FoundDate]
    /// ISO 3166-1 alpha-2 codes, most relevant first.
    public let countries: [String]
    public let places: [FoundPlace]
    public let organisations: [FoundOrganisation]
    public let counts: [FoundCount]
    /// Annual Review headings, best first (`name` is the heading's code).
    public let headings: [HeadingSuggestion]
    public let types: [Suggestion]
}
