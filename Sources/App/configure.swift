import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import HavenDomain
import Leaf
import SQLKit
import HavenVault
import Vapor

/// Wires Haven into a Vapor application: storage, templates, middleware, routes and commands.
public func configure(_ app: Application, configuration: HavenConfiguration) throws {
    try FileManager.default.createDirectory(at: configuration.dataDirectory, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
    app.haven = HavenServices(configuration: configuration,
                              lookupKey: try LookupKey.loadOrCreate(in: configuration.dataDirectory),
                              localization: try Localization.load())
    app.logger.logLevel = configuration.logLevel
    try useDatabase(app, configuration.storage)
    app.migrations.add(M001_CreateOrganisations(), M002_CreateUsers(), M003_CreateCredentialCodes(),
                       M004_CreateKeyGrants(), M005_CreateAuditEntries())

    app.views.use(.leaf)
    app.routes.defaultMaxBodySize = ByteCount(value: configuration.maximumBodyBytes)
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(SessionMiddleware())
    app.middleware.use(CSRFMiddleware())
    try routes(app)

    app.asyncCommands.use(SetupCommand(), as: "setup")
    app.asyncCommands.use(UsersCommand(), as: "users")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.lifecycle.use(StoragePreparation())
}

private func useDatabase(_ app: Application, _ storage: HavenConfiguration.Storage) throws {
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

/// At boot: checks the database answers, migrates it, and prepares first-time setup.
struct StoragePreparation: LifecycleHandler {
    func willBootAsync(_ app: Application) async throws {
        try await app.prepareStorage()
        let command = app.environment.arguments.dropFirst().first ?? "serve"
        if let code = app.haven.setupCode, command == "serve" || command.hasPrefix("-") {
            // Printed to the console only, never logged and never put in a URL.
            FileHandle.standardOutput.write(Data("""

            Haven is not set up yet. Open /setup in a browser and enter this one-time setup code:

                \(code)

            (or run `haven setup --email ... --password-stdin` instead)

            """.utf8))
        }
    }
}

extension Application {
    /// Connects (with one clear error naming the variable), migrates, and loads instance-wide settings.
    func prepareStorage() async throws {
        do {
            _ = try await (db as! any SQLDatabase).raw("SELECT 1").all()
        } catch {
            let variable = haven.configuration.storage.name == "sqlite" ? "HAVEN_DATA_DIR" : "HAVEN_DATABASE_URL"
            throw ConfigurationError(variable: variable, problem: "cannot open the database (\(String(reflecting: error).prefix(160)))")
        }
        if case .sqlite(let path?) = haven.configuration.storage, !path.isEmpty {
            _ = try await (db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").all()
        }
        try await autoMigrate()
        if let organisation = try await Organisation.current(on: db) {
            haven.requiresSecondFactor = organisation.requiresSecondFactor
        } else if haven.setupCode == nil {
            haven.setupCode = HumanCode.random(bits: 80)
        }
    }
}
