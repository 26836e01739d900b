import Fluent
import Foundation
import HavenDomain

/// That a staff member has opened a report (for the unread mark).
final class ReportRead: Model, @unchecked Sendable {
    static let schema = "report_reads"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: Report
    @Parent(key: "user_id") var user: User

    init() {}

    init(reportID: UUID, userID: UUID) {
        self.$report.id = reportID
        self.$user.id = userID
    }
}
