import Foundation

/// A date known to some precision: "February 2020" is a month, not 1 February (ESF date precision).
///
///     PartialDate(parsing: "2020-02")        // February 2020, precision .month
///     PartialDate(parsing: "~2017")          // 2017, an estimate
public struct PartialDate: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// How precisely the date is known; the codes match `Vocabulary.datePrecisions`.
    public enum Precision: String, Sendable, Codable, CaseIterable {
        case day, month, year, estimate
    }

    public let year: Int
    public let month: Int?
    public let day: Int?
    public let precision: Precision

    /// A date of the given precision; nil when the parts do not make a real date (30 February, month 13, year 0).
    public init?(year: Int, month: Int? = nil, day: Int? = nil, isEstimate: Bool = false) {
        guard (1...9999).contains(year), day == nil || month != nil else { return nil }
        if let month { guard (1...12).contains(month) else { return nil } }
        if let day, let month { guard (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil } }
        self.year = year
        self.month = month
        self.day = day
        self.precision = isEstimate ? .estimate : (day != nil ? .day : (month != nil ? .month : .year))
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a leading `~` for an estimate; nil for anything else.
    public init?(parsing text: String) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        let isEstimate = body.hasPrefix("~")
        if isEstimate { body = body.dropFirst() }
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
            parts.dropFirst().allSatisfy({ $0.count == 2 }), parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0])
        else { return nil }
        self.init(
            year: year, month: parts.count > 1 ? Int(parts[1]) : nil, day: parts.count > 2 ? Int(parts[2]) : nil, isEstimate: isEstimate)
    }

    /// ISO 8601 as precise as the date is known: `2020`, `2020-02`, `2020-06-08`; an estimate starts with `~`.
    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        return precision == .estimate ? "~" + text : text
    }

    /// The first day the date may mean, `yyyy-MM-dd` (for range filters).
    public var earliestDay: String {
        String(format: "%04d-%02d-%02d", year, month ?? 1, day ?? 1)
    }

    /// The last day the date may mean, `yyyy-MM-dd`.
    public var latestDay: String {
        let lastMonth = month ?? 12
        return String(format: "%04d-%02d-%02d", year, lastMonth, day ?? Self.daysIn(month: lastMonth, year: year))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
