import Fluent
import SQLKit

/// What an anonymous report led to: one row per case or incident made from it, with the report's key sealed under
/// that record's key when its holders are to read the thread (cases and restricted incidents). Evidence carried from a
/// report remembers the attachment it came from, so it is carried once.
struct M027_CreateReportLinks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("report_links")
            .id()
            .field("report_id", .uuid, .required, .references("reports", "id", onDelete: .cascade))
            .field("record_table", .string, .required)
            .field("record_id", .uuid, .required)
            .field("key_sealed", .data)
            .field("linked_at", .datetime, .required)
            .unique(on: "report_id", "record_table", "record_id")
            .create()
        try await (database as! any SQLDatabase).raw("CREATE INDEX report_links_record ON report_links (record_table, record_id)").run()
        try await database.schema("evidence").field("from_report_attachment_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("evidence").deleteField("from_report_attachment_id").update()
        try await database.schema("report_links").delete()
    }
}
