import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// One consistent read of the whole database while the server goes on writing: a connection of its own (so no
/// request waits for it), one read transaction (SQLite `BEGIN` on a reader in WAL mode; PostgreSQL `REPEATABLE READ
/// READ ONLY`), and every table read in pages in key order.
struct DatabaseSnapshot: Sendable {
    let sql: any SQLDatabase
    let engine: String
    private let close: @Sendable () async throws -> Void

    /// Opens the connection and starts the read transaction.
    static func begin(_ storage: HavenConfiguration.Storage, threadPool: NIOThreadPool, eventLoop: any EventLoop, logger: Logger)
        async throws
        -> DatabaseSnapshot
    {
        switch storage {
        case .sqlite(let path):
            guard let path, !path.isEmpty else { throw BackupFailure("an in-memory database cannot be backed up") }
            let connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: threadPool, logger: logger, on: eventLoop)
            let sql = connection.sql()
            try await sql.raw("PRAGMA busy_timeout = 10000").run()
            try await sql.raw("BEGIN").run()
            return DatabaseSnapshot(sql: sql, engine: "sqlite", close: { try await connection.close() })
        case .postgres(let url, let searchPath):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = searchPath
            let connection = try await PostgresConnection.connect(
                on: eventLoop, configuration: configuration.coreConfiguration, id: 1, logger: logger)
            let sql = connection.sql()
            if let searchPath, !searchPath.isEmpty {
                try await sql.raw("SET search_path TO \(idents: searchPath, joinedBy: ", ")").run()
            }
            try await sql.raw("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
            return DatabaseSnapshot(sql: sql, engine: "postgresql", close: { try await connection.close() })
        }
    }

    /// Ends the read transaction and closes the connection.
    func end() async {
        try? await sql.raw("COMMIT").run()
        try? await close()
    }

    /// The names of the migrations applied, in Haven's order.
    func appliedMigrations() async throws -> [String] {
        let applied = Set(
            try await sql.raw("SELECT name FROM _fluent_migrations").all().map { try $0.decode(column: "name", as: String.self) })
        return HavenMigrations.names.filter(applied.contains)
    }

    /// The organisation's id and recovery public key; nil before setup.
    func organisation() async throws -> (id: String, recoveryPublicKey: Data)? {
        guard let row = try await sql.raw("SELECT id, recovery_public_key FROM organisations").first() else { return nil }
        let id =
            engine == "postgresql" ? try row.decode(column: "id", as: UUID.self).uuidString : try row.decode(column: "id", as: String.self)
        return (id.uppercased(), try row.decode(column: "recovery_public_key", as: Data.self))
    }

    /// The extra age recipients administrators added.
    func extraRecipients() async throws -> [String] {
        try await sql.raw("SELECT recipient FROM backup_recipients ORDER BY recipient").all().map {
            try $0.decode(column: "recipient", as: String.self)
        }
    }

    /// Every table's name in this database.
    static func tableNames(on sql: any SQLDatabase) async throws -> [String] {
        let query: SQLQueryString =
            sql.dialect.name == "postgresql"
            ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'"
        return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
    }
}
