import Fluent

/// Tasks with due dates and services with costs, per case.
struct M009_CreateCaseTasksAndServices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("case_tasks")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("title_sealed", .data, .required)
            .field("due_on", .string, .required)
            .field("is_done", .bool, .required)
            .create()
        try await database.schema("case_services")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id", onDelete: .cascade))
            .field("need", .string, .required)
            .field("provider_sealed", .data, .required)
            .field("status", .string, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("cost_minor_units", .int)
            .field("cost_currency", .string)
            .field("budget_line", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_services").delete()
        try await database.schema("case_tasks").delete()
    }
}
