import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import HavenDomain
import HavenVault
import Leaf
import SQLKit
import Vapor

/// Wires Haven into a Vapor application: storage, templates, middleware, routes and commands.
public func configure(_ app: Application, configuration: HavenConfiguration) throws {
    try FileManager.default.createDirectory(
        at: configuration.dataDirectory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    app.haven = HavenServices(
        configuration: configuration,
        lookupKey: try LookupKey.loadOrCreate(in: configuration.dataDirectory),
        receiptKey: try KeyFile.loadOrCreate("receipt.key", in: configuration.dataDirectory),
        noticesKey: try KeyFile.loadOrCreate("notices.key", in: configuration.dataDirectory),
        localization: try Localization.load(), threadPool: app.threadPool, eventLoopGroup: app.eventLoopGroup, logger: app.logger)
    app.logger.logLevel = configuration.logLevel
    try useDatabase(app, configuration.storage)
    app.migrations.add(HavenMigrations.all)

    // Forms and query strings are read by Haven's own linear decoder (Vapor's is quadratic in the number of fields).
    ContentConfiguration.global.use(decoder: FormDecoder(), for: .urlEncodedForm)
    ContentConfiguration.global.use(urlDecoder: FormDecoder())
    app.views.use(.leaf)
    app.routes.defaultMaxBodySize = ByteCount(value: configuration.maximumBodyBytes)
    // A connection that sends nothing for a minute is closed: a stalled upload, or one whose body Haven stopped reading.
    let idle = configuration.connectionIdleTimeout.components
    app.http.server.configuration.idleTimeout = .milliseconds(idle.seconds * 1000 + idle.attoseconds / 1_000_000_000_000_000)
    app.middleware = Middlewares()
    let inFlight = RequestsInFlight()
    app.middleware.use(inFlight)
    app.lifecycle.use(inFlight)
    app.requestsInFlight = inFlight
    app.middleware.use(UnreadBodyMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(SessionMiddleware())
    app.middleware.use(CSRFMiddleware())
    try routes(app)

    app.asyncCommands.use(SetupCommand(), as: "setup")
    app.asyncCommands.use(UsersCommand(), as: "users")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(RetentionCommand(), as: "retention")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(IngestCommand(), as: "ingest")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(ExportCommand(), as: "export")
}

func useDatabase(_ app: Application, _ storage: HavenConfiguration.Storage) throws {
    switch storage {
    case .sqlite(let path):
        let sqlite = path.map { SQLiteConfiguration(storage: .file(path: $0)) } ?? SQLiteConfiguration(storage: .memory)
        app.databases.use(.sqlite(sqlite, sqlLogLevel: nil), as: .sqlite)
    case .postgres(let url, let searchPath):
        var postgres: SQLPostgresConfiguration
        do {
            postgres = try SQLPostgresConfiguration(url: url)
        } catch {
            throw ConfigurationError(variable: "HAVEN_DATABASE_URL", problem: "expected postgres://user:password@host:port/database")
        }
        postgres.searchPath = searchPath
        app.databases.use(.postgres(configuration: postgres), as: .psql)
    }
}

extension Application {
    /// Connects (with one clear error naming the variable), migrates, and loads instance-wide settings.
    /// Runs before any command; the setup code it makes is printed by `serve` only.
    public func prepareStorage() async throws {
        do {
            if case .postgres(let url, _) = haven.configuration.storage {
                // One quiet connection first, so an unreachable server gives one clear line instead of pool errors.
                var quiet = Logger(label: "haven.database-check")
                quiet.logLevel = .critical
                let connection = try await PostgresConnection.connect(
                    on: eventLoopGroup.any(), configuration: SQLPostgresConfiguration(url: url).coreConfiguration, id: 0, logger: quiet)
                try await connection.close()
            }
            _ = try await (db as! any SQLDatabase).raw("SELECT 1").all()
        } catch {
            throw databaseUnavailable(error)
        }
        if case .sqlite(let path?) = haven.configuration.storage, !path.isEmpty {
            try await configureSQLiteConnections(path: path)
        }
        try await migrateOnce()
        try await haven.access.ensureInstanceKeys(on: db)
        try await haven.vocabularies.reload(on: db)
        try await haven.siteIdentity.reload(on: db)
        if try await SearchIndex.rebuildIfIncomplete(on: db, publishing: haven.publishing) {
            logger.notice("the search indexes were rebuilt from the records")
        }
        try await haven.recordedCountries.reload(on: db)
        try await haven.publishing.scheduleExpiry(on: db)
        if let organisation = try await Organisation.current(on: db) {
            haven.requiresSecondFactor = organisation.requiresSecondFactor
        } else if haven.setupCode == nil {
            haven.setupCode = HumanCode.random(bits: 80)
        }
    }

    /// Runs the migrations. On PostgreSQL an advisory lock (per schema) is held around them, so two processes starting
    /// at once do not both migrate: the second waits, then finds nothing left to do. SQLite's write lock does the same.
    private func migrateOnce() async throws {
        // The migrator's line per migration stays off the console (an operator sees errors, not bookkeeping).
        let level = logger.logLevel
        if level < .notice { logger.logLevel = .notice }
        defer { logger.logLevel = level }
        guard case .postgres(let url, let searchPath) = haven.configuration.storage else { return try await autoMigrate() }
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = searchPath
        let connection = try await PostgresConnection.connect(
            on: eventLoopGroup.any(), configuration: configuration.coreConfiguration, id: 2, logger: logger)
        let sql = connection.sql()
        do {
            if let searchPath, !searchPath.isEmpty { try await sql.raw("SET search_path TO \(idents: searchPath, joinedBy: ", ")").run() }
            try await sql.raw("SELECT pg_advisory_lock(hashtext('haven-migrations:' || current_schema()))").run()
            try await autoMigrate()
            try await sql.raw("SELECT pg_advisory_unlock(hashtext('haven-migrations:' || current_schema()))").run()
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Puts every SQLite connection (one per event loop) in WAL mode, which the file keeps from then on, and sets
    /// `synchronous=NORMAL`, which in WAL mode is crash-safe (a power loss may drop the last commits, never corrupts)
    /// and spares an fsync per commit. The switch is retried while another connection holds a lock.
    private func configureSQLiteConnections(path: String) async throws {
        for eventLoop in eventLoopGroup.makeIterator() {
            guard let connection = databases.database(logger: logger, on: eventLoop) as? any SQLDatabase else { continue }
            try await useWriteAheadLog(connection, path: path)
            try await connection.raw("PRAGMA synchronous=NORMAL").run()
            // After each checkpoint the log is cut back to 4 MiB, so old pages do not linger in a large log file.
            try await connection.raw("PRAGMA journal_size_limit=4194304").run()
        }
    }

    private func useWriteAheadLog(_ connection: any SQLDatabase, path: String) async throws {
        for attempt in 1...20 {
            let mode = try await connection.raw("PRAGMA journal_mode=WAL").first()?.decode(column: "journal_mode", as: String.self)
            if mode == "wal" { return }
            try await Task.sleep(for: .milliseconds(10 * attempt))
        }
        throw ConfigurationError(variable: "HAVEN_DATA_DIR", problem: "cannot switch \(path) to write-ahead logging")
    }

    /// Starts the daily retention cleaning, scheduled backups and notices of what falls due (the `serve` command calls
    /// this).
    public func scheduleMaintenance() {
        haven.retention.schedule(on: eventLoopGroup.next()) { [unowned self] in self.db }
        haven.backups.schedule(on: eventLoopGroup.next()) { [unowned self] in self.db }
        haven.notices.schedule(on: eventLoopGroup.next(), notifications: haven.notifications) { [unowned self] in self.db }
    }

    /// What an operator should fix before going public; `serve` logs each line as a warning at start.
    public var startupWarnings: [String] {
        var warnings: [String] = []
        if haven.configuration.publicURL == nil {
            warnings.append(
                "HAVEN_PUBLIC_URL is not set: /sitemap.xml is left out (a sitemap needs absolute addresses) and feeds link relatively")
        }
        return warnings
    }

    /// The full address of the setup page on this server (`http://127.0.0.1:8080/setup`), which the console prints.
    public var setupAddress: String {
        let server = http.server.configuration
        let host = server.hostname == "0.0.0.0" || server.hostname == "::" ? "127.0.0.1" : server.hostname
        return "http://\(host.contains(":") ? "[\(host)]" : host):\(server.port)/setup"
    }

    /// The one-time setup code while Haven has no organisation; `serve` prints it on the console.
    public var setupCodeForConsole: String? { haven.setupCode?.description }

    /// The one line an operator sees when the database does not answer; the full error goes to the debug log.
    private func databaseUnavailable(_ error: any Error) -> ConfigurationError {
        logger.debug("database unavailable", metadata: ["error": "\(String(reflecting: error))"])
        switch haven.configuration.storage {
        case .sqlite(let path):
            return ConfigurationError(variable: "HAVEN_DATA_DIR", problem: "cannot open the SQLite database at \(path ?? ":memory:")")
        case .postgres(let url, _):
            let address = URL(string: url).map { "\($0.host ?? "?"):\($0.port ?? 5432)\($0.path)" } ?? "?"
            let known = [
                "Connection refused", "timed out", "password authentication failed", "does not exist", "no pg_hba.conf entry",
                "Network is unreachable", "No route to host", "Name or service not known",
            ]
            let text = String(reflecting: error)
            let reason = known.first { text.contains($0) } ?? "no answer"
            return ConfigurationError(variable: "HAVEN_DATABASE_URL", problem: "cannot connect to PostgreSQL at \(address) (\(reason))")
        }
    }
}
