import Fluent
import Foundation
import HavenDomain

/// An anonymous report: everything the person wrote is sealed under the report's own data key.
final class Report: Model, @unchecked Sendable {
    static let schema = "reports"

    @ID(key: .id) var id: UUID?
    @Enum(key: "kind") var kind: ReportKind
    @Enum(key: "status") var status: ReportStatus
    /// HMAC of the receipt code under the receipt key (kept outside the database).
    @Field(key: "receipt_lookup") var receiptLookup: String
    /// The report key sealed under a key derived from the receipt code.
    @Field(key: "receipt_sealed_key") var receiptSealedKey: Data
    /// The `ReportSubmission` as JSON, sealed.
    @Field(key: "payload_sealed") var payloadSealed: Data
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "last_activity_at") var lastActivityAt: Date

    init() {}

    init(id: UUID, kind: ReportKind, receiptLookup: String, receiptSealedKey: Data, payloadSealed: Data, at date: Date) {
        self.id = id
        self.kind = kind
        self.status = .new
        self.receiptLookup = receiptLookup
        self.receiptSealedKey = receiptSealedKey
        self.payloadSealed = payloadSealed
        self.receivedAt = date
        self.lastActivityAt = date
    }
}

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

/// A file sent with a report or a message: sealed on disk under a random name; its name and type sealed here.
final class ReportAttachment: Model, @unchecked Sendable {
    static let schema = "report_attachments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: Report
    @OptionalParent(key: "message_id") var message: ReportMessage?
    /// The random file name under `HAVEN_DATA_DIR/files/`.
    @Field(key: "stored_name") var storedName: String
    /// The original name and content type as JSON, sealed.
    @Field(key: "meta_sealed") var metaSealed: Data
    @Field(key: "size") var size: Int

    init() {}

    init(id: UUID, reportID: UUID, messageID: UUID?, storedName: String, metaSealed: Data, size: Int) {
        self.id = id
        self.$report.id = reportID
        self.$message.id = messageID
        self.storedName = storedName
        self.metaSealed = metaSealed
        self.size = size
    }
}

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
