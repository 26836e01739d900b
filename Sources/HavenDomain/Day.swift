import Foundation

/// Calendar days as `yyyy-MM-dd` text, in UTC: sortable, comparable, the form HTML date inputs send.
public enum Day {
    /// Today in UTC.
    public static func today(_ now: Date = Date()) -> String {
        normalizedFormatter().string(from: now)
    }

    /// The day in canonical form, or nil when the text is not a real calendar day. Read by hand, digit by digit:
    /// Foundation's `DateFormatter` traps on some strings with combining marks (found by fuzzing).
    public static func normalized(_ text: String) -> String? {
        guard let parts = parts(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        return String(format: "%04d-%02d-%02d", parts.year, parts.month, parts.day)
    }

    /// `yyyy-MM-dd` as numbers, when it is a real calendar day (years 1 to 9999).
    public static func parts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...9999).contains(year), (1...12).contains(month), (1...PartialDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return (year, month, day)
    }

    static func normalizedFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }
}
