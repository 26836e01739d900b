import Fluent
import Foundation
import HavenDomain

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
