/// One counted record (an incident, a case) as the values it carries for each classification of a release, by the
/// classification's name: `["country": ["MD"], "type": ["V4.1", "V7"]]`. A record may carry several values of one
/// classification; a missing classification is no value.
public struct StatisticsRecord: Sendable, Hashable {
    public let values: [String: Set<String>]

    public init(_ values: [String: Set<String>]) {
        self.values = values
    }

    public func values(of dimension: String) -> Set<String> { values[dimension] ?? [] }

    /// A text that orders records the same way on every run, so that tables built apart share their inner cells.
    var canonical: String {
        values.keys.sorted().map { key in key + "=" + values[key]!.sorted().joined(separator: "\u{1F}") }.joined(separator: "\u{1E}")
    }
}
