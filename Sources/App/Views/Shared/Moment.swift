import Foundation

/// How staff and reporters read a moment: `2026-11-25 15:40 UTC`.
enum Moment {
    static func text(_ date: Date) -> String {
        let dates = DateFormatter()
        dates.locale = Locale(identifier: "en_US_POSIX")
        dates.dateFormat = "yyyy-MM-dd HH:mm"
        dates.timeZone = TimeZone(identifier: "UTC")
        return dates.string(from: date) + " UTC"
    }
}
