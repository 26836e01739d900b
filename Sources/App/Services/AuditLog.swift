import Fluent
import Foundation
import HavenVault

/// Appends hash-chained entries one at a time, so two requests never chain to the same predecessor.
/// (Within one process; across processes the primary key on `sequence` refuses a fork instead.)
struct AuditLog: Sendable {
    private let gate = AsyncGate(limit: 1)

    /// Appends an entry on `db` (pass a transaction to make it part of the change it records).
    func append(on db: any Database, actor: String, action: String, table: String = "", id: String = "",
                at date: Date = Date()) async throws {
        try await gate.withSlot { try await appendNext(on: db, actor: actor, action: action, table: table, id: id, at: date) }
    }

    private func appendNext(on db: any Database, actor: String, action: String, table: String, id: String, at date: Date) async throws {
        let last = try await AuditEntry.query(on: db).sort(\.$id, .descending).first()
        var record = AuditRecord(sequence: (last?.id ?? 0) + 1, occurredAt: Int64(date.timeIntervalSince1970),
                                 actor: actor, action: action, targetTable: table, targetID: id,
                                 previousHash: last?.hash ?? AuditChain.genesis)
        record.hash = AuditChain.hash(of: record)
        try await AuditEntry(record).create(on: db)
    }

    /// Checks the whole chain in pages; nil when it is whole.
    static func verify(on db: any Database, pageSize: Int = 5_000) async throws -> AuditChain.Break? {
        var previous: AuditRecord?
        while true {
            var query = AuditEntry.query(on: db).sort(\.$id, .ascending).limit(pageSize)
            if let previous { query = query.filter(\.$id > previous.sequence) }
            let page = try await query.all().map(\.record)
            guard !page.isEmpty else { return nil }
            if let broken = AuditChain.verify(page, after: previous) { return broken }
            previous = page.last
        }
    }
}
