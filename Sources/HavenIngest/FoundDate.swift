import Foundation
import HavenDomain

/// A date found in a text, as precise as the text allows.
public struct FoundDate: Sendable, Equatable, Codable {
    /// ISO 8601 to its precision: `2020`, `2020-02`, `2020-06-08`; an estimate starts with `~`.
    public let value: String
    public let precision: PartialDate.Precision
    public let span: Span
}
