import Foundation
import HavenDomain

/// What the inbox shows: one page of the reports sealed to a staff member, narrowed by what they choose.
struct InboxFilter: Sendable, Equatable {
    var onlyUnread = false
    /// Only reports the reporter wrote to again since this staff member last opened them.
    var onlyNewMessages = false
    var kind: ReportKind?
    var status: ReportStatus?
    /// Days (`yyyy-MM-dd`, UTC) the report arrived on or after / on or before; empty for no bound.
    var receivedFrom = ""
    var receivedTo = ""
    var page = 1

    static let pageSize = 25

    /// Whether anything narrows the list (bulk deletion by filter needs at least one condition).
    var narrowsAnything: Bool {
        onlyUnread || onlyNewMessages || kind != nil || status != nil || !receivedFrom.isEmpty || !receivedTo.isEmpty
    }

    /// The first moment the report may have arrived, from `receivedFrom`.
    var earliest: Date? { Day.parts(receivedFrom).flatMap { Self.moment($0, plusDays: 0) } }

    /// The moment after the last day, from `receivedTo`.
    var latest: Date? { Day.parts(receivedTo).flatMap { Self.moment($0, plusDays: 1) } }

    private static func moment(_ day: (year: Int, month: Int, day: Int), plusDays: Int) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day + plusDays))
    }
}
