import Fluent

/// Where a staff member wants to be told that something is waiting, if anywhere: an e-mail address they choose, sealed
/// under the notices key the server holds (it must be able to send without anyone signed in).
struct M030_AddNoticeAddresses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("notice_address_sealed", .data).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("notice_address_sealed").update()
    }
}
