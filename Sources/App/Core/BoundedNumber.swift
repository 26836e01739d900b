import HavenDomain

/// The range and default of one kind of number a client sends.
protocol NumberBounds: Sendable {
    static var range: ClosedRange<Int> { get }
    /// What an empty or non-numeric value means.
    static var fallback: Int { get }
}

/// A number from a query string or a form, decoded from any text and read into its bounds (the nearest bound when it
/// lies outside) by `WholeNumber`: the one decoder every client-sent number goes through, so none reaches arithmetic
/// unbounded. Use it instead of `Int` in every `Content` input.
struct BoundedNumber<Bounds: NumberBounds>: Codable, Sendable, Equatable {
    let value: Int

    init(_ value: Int) {
        self.value = min(max(value, Bounds.range.lowerBound), Bounds.range.upperBound)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self.init(number)
        } else if let text = try? container.decode(String.self) {
            self.init(WholeNumber.clamped(text, to: Bounds.range, fallback: Bounds.fallback))
        } else {
            self.init(Bounds.fallback)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// List pages: 1 to 10,000.
enum PageBounds: NumberBounds {
    static let range = 1...10_000
    static let fallback = 1
}

/// A number of days to look back: 0 (no filter) to a century.
enum DayCountBounds: NumberBounds {
    static let range = 0...36_500
    static let fallback = 0
}

/// A page of a list, as a query string carries it.
typealias PageNumber = BoundedNumber<PageBounds>

/// A number of days, as a query string carries it.
typealias DayCount = BoundedNumber<DayCountBounds>
