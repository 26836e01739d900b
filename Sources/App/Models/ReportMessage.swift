import Fluent
import Foundation
import HavenDomain

/// One message in a report's thread, from the reporter or from staff; the text is sealed.
final class ReportMessage: Model, @unchecked Sendable {
    static let schema = "report_messages"

    /// Who wrote a message.
    enum Author: String, Codable, Sendable {
        case reporter, staff
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: Report
    @Enum(key: "author") var author: Author
    @OptionalParent(key: "staff_user_id") var staffUser: User?
    @Field(key: "body_sealed") var bodySealed: Data
    @Field(key: "sent_at") var sentAt: Date

    init() {}

    init(id: UUID, reportID: UUID, author: Author, staffUserID: UUID?, bodySealed: Data, at date: Date) {
        self.id = id
        self.$report.id = reportID
        self.author = author
        self.$staffUser.id = staffUserID
        self.bodySealed = bodySealed
        self.sentAt = date
    }
}
