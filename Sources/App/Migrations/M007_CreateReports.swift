import Fluent

/// Anonymous reports, their message threads, attachments and read marks.
struct M007_CreateReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reports")
            .id()
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("receipt_lookup", .string, .required)
            .field("receipt_sealed_key", .data, .required)
            .field("payload_sealed", .data, .required)
            .field("received_at", .datetime, .required)
            .field("last_activity_at", .datetime, .required)
            .unique(on: "receipt_lookup")
            .create()
        try await database.schema("report_messages")
            .id()
            .field("report_id", .uuid, .required, .references("reports", "id", onDelete: .cascade))
            .field("author", .string, .required)
            .field("staff_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("body_sealed", .data, .required)
            .field("sent_at", .datetime, .required)
            .create()
        try await database.schema("report_attachments")
            .id()
            .field("report_id", .uuid, .required, .references("reports", "id", onDelete: .cascade))
            .field("message_id", .uuid, .references("report_messages", "id", onDelete: .cascade))
            .field("stored_name", .string, .required)
            .field("meta_sealed", .data, .required)
            .field("size", .int, .required)
            .create()
        try await database.schema("report_reads")
            .id()
            .field("report_id", .uuid, .required, .references("reports", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .unique(on: "report_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["report_reads", "report_attachments", "report_messages", "reports"] {
            try await database.schema(table).delete()
        }
    }
}
