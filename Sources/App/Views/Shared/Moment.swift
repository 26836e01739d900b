import Foundation
import Vapor

/// How staff and reporters read a moment: in the organisation's time zone with UTC beside it
/// (`2026-11-25 17:40 Europe/Chisinau (15:40 UTC)`), or `2026-11-25 15:40 UTC` when the organisation works in UTC.
enum Moment {
    static let utc = TimeZone(identifier: "UTC")!

    static func text(_ date: Date, in zone: TimeZone = utc) -> String {
        let inUTC = format(date, "yyyy-MM-dd HH:mm", utc)
        guard zone.identifier != "UTC", zone.identifier != "GMT" else { return inUTC + " UTC" }
        let local = format(date, "yyyy-MM-dd HH:mm", zone)
        let sameDay = local.prefix(10) == inUTC.prefix(10)
        return local + " " + zone.identifier + " (" + (sameDay ? String(inUTC.suffix(5)) : inUTC) + " UTC)"
    }

    private static func format(_ date: Date, _ pattern: String, _ zone: TimeZone) -> String {
        let dates = DateFormatter()
        dates.locale = Locale(identifier: "en_US_POSIX")
        dates.dateFormat = pattern
        dates.timeZone = zone
        return dates.string(from: date)
    }
}

extension Request {
    /// A moment as this organisation reads it (its time zone, UTC beside it).
    func moment(_ date: Date) -> String {
        Moment.text(date, in: haven.siteIdentity.identity.zone)
    }

    /// A file size in the request's language: `30 bytes`, `60 KB`, `1.5 MB` (`1,5 МБ`).
    func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) " + t("size_bytes") }
        if bytes < 1_000_000 { return "\((bytes + 500) / 1000) " + t("size_kilobytes") }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10)\(language == .en ? "." : ",")\(tenths % 10) " + t("size_megabytes")
    }
}
