import Fluent
import Foundation
import HavenVault
import SQLKit

/// The audit log: audited changes run one transaction at a time, so each entry chains to the one committed before it.
/// Within one process a gate orders them; on PostgreSQL a transaction-scoped advisory lock, taken first in every
/// audited transaction, orders them across processes too (a second Haven on the same database waits instead of
/// forking the chain). On SQLite the database's single writer does the same.
struct AuditLog: Sendable {
    private let gate = AsyncGate(limit: 1)

    /// Runs `body` in a database transaction, one audited transaction at a time; `body` appends through the writer.
    func transaction<T: Sendable>(on db: any Database, _ body: @escaping @Sendable (any Database, AuditWriter) async throws -> T)
        async throws -> T
    {
        try await gate.withSlot {
            try await db.transaction { tx in
                try await Self.lockAcrossProcesses(tx)
                return try await body(tx, AuditWriter(db: tx))
            }
        }
    }

    /// Appends one entry on its own (sign-ins, reads, downloads).
    func append(on db: any Database, actor: String, action: String, table: String = "", id: String = "", at date: Date = Date())
        async throws
    {
        try await transaction(on: db) { _, audit in
            try await audit.append(actor: actor, action: action, table: table, id: id, at: date)
        }
    }

    private static func lockAcrossProcesses(_ tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(hashtext('haven-audit:' || current_schema()))").run()
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

/// Appends entries inside an audited transaction.
struct AuditWriter: Sendable {
    let db: any Database

    /// Appends an entry chained to the last committed one.
    func append(actor: String, action: String, table: String = "", id: String = "", at date: Date = Date()) async throws {
        let last = try await AuditEntry.query(on: db).sort(\.$id, .descending).first()
        var record = AuditRecord(
            sequence: (last?.id ?? 0) + 1, occurredAt: Int64(date.timeIntervalSince1970),
            actor: actor, action: action, targetTable: table, targetID: id,
            previousHash: last?.hash ?? AuditChain.genesis)
        record.hash = AuditChain.hash(of: record)
        try await AuditEntry(record).create(on: db)
    }
}
