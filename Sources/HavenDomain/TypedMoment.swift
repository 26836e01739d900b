import Foundation

/// A moment typed in a form, in UTC: `yyyy-MM-dd` (midnight) or `yyyy-MM-dd HH:mm` (or with a `T`). Read by hand,
/// never by `DateFormatter`, which traps on some typed strings.
public enum TypedMoment {
    /// The moment, or nil when the text is not one.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.count == 10 || trimmed.utf8.count == 16, let day = Day.parts(String(trimmed.prefix(10))) else { return nil }
        var hour = 0
        var minute = 0
        if trimmed.utf8.count == 16 {
            let time = Array(trimmed.utf8.dropFirst(10))
            guard time[0] == UInt8(ascii: " ") || time[0] == UInt8(ascii: "T"), time[3] == UInt8(ascii: ":"),
                let hours = twoDigits(time[1], time[2]), hours <= 23, let minutes = twoDigits(time[4], time[5]), minutes <= 59
            else { return nil }
            hour = hours
            minute = minutes
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))
    }

    private static func twoDigits(_ first: UInt8, _ second: UInt8) -> Int? {
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard digits.contains(first), digits.contains(second) else { return nil }
        return Int(first - UInt8(ascii: "0")) * 10 + Int(second - UInt8(ascii: "0"))
    }
}
