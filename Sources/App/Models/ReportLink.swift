import Fluent
import Foundation

/// A case or incident made from an anonymous report. When the record's holders are to read the report's thread, the
/// report's key is sealed here under the record's key, so key copies of the record carry the thread with them.
final class ReportLink: Model, @unchecked Sendable {
    static let schema = "report_links"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: Report
    @Field(key: "record_table") var recordTable: String
    @Field(key: "record_id") var recordID: UUID
    /// The report's key sealed under the record's key; nil when the record's holders do not get the thread.
    @OptionalField(key: "key_sealed") var keySealed: Data?
    @Field(key: "linked_at") var linkedAt: Date

    init() {}

    init(id: UUID = UUID(), reportID: UUID, recordTable: String, recordID: UUID, keySealed: Data?, at date: Date) {
        self.id = id
        self.$report.id = reportID
        self.recordTable = recordTable
        self.recordID = recordID
        self.keySealed = keySealed
        self.linkedAt = date
    }
}
