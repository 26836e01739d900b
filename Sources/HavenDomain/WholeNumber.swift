/// Whole numbers that arrive as text (query strings, forms, headers), read into a bounded range before any arithmetic
/// is done with them, so no typed value can overflow a multiplication or an offset.
///
///     WholeNumber.parse("42", in: 1...100)                      // 42
///     WholeNumber.parse("461168601842738791", in: 1...100)      // nil
///     WholeNumber.clamped("461168601842738791", to: 1...100)    // 100, the nearest valid value
public enum WholeNumber {
    /// Where a text stands against a range.
    public enum Reading: Equatable, Sendable {
        /// A number inside the range.
        case value(Int)
        case belowRange
        case aboveRange
        /// Not a whole number at all (empty, letters, decimals, several signs …).
        case notANumber
    }

    /// Reads optional spaces, an optional sign and ASCII digits; never traps, whatever the length.
    public static func read(_ text: some StringProtocol, in range: ClosedRange<Int>) -> Reading {
        var scalars = Substring(text).unicodeScalars.drop { $0 == " " }
        while scalars.last == " " { scalars = scalars.dropLast() }
        var isNegative = false
        if let sign = scalars.first, sign == "-" || sign == "+" {
            isNegative = sign == "-"
            scalars = scalars.dropFirst()
        }
        guard !scalars.isEmpty, scalars.allSatisfy({ ("0"..."9").contains($0) }) else { return .notANumber }
        let digits = scalars.drop { $0 == "0" }
        // 18 digits always fit in Int64; anything longer is beyond every range Haven uses.
        guard digits.count <= 18 else { return isNegative ? .belowRange : .aboveRange }
        var magnitude = 0
        for digit in digits { magnitude = magnitude * 10 + Int(digit.value - 48) }
        let number = isNegative ? -magnitude : magnitude
        if number < range.lowerBound { return .belowRange }
        if number > range.upperBound { return .aboveRange }
        return .value(number)
    }

    /// The number if the text is one inside `range`; nil otherwise.
    public static func parse(_ text: some StringProtocol, in range: ClosedRange<Int>) -> Int? {
        if case .value(let number) = read(text, in: range) { return number }
        return nil
    }

    /// The number, or the nearest bound of `range` when it lies outside; `fallback` when the text is not a number.
    public static func clamped(_ text: some StringProtocol, to range: ClosedRange<Int>, fallback: Int? = nil) -> Int {
        switch read(text, in: range) {
        case .value(let number): return number
        case .belowRange: return range.lowerBound
        case .aboveRange: return range.upperBound
        case .notANumber: return fallback ?? range.lowerBound
        }
    }
}
