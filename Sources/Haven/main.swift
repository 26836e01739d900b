import App
import Foundation
import Logging
import Vapor

/// Hardens the process, reads the configuration, configures the application and runs the command line (`serve` by default).
let configuration: HavenConfiguration
do {
    try ProcessHardening.apply()
    configuration = try HavenConfiguration.fromEnvironment()
} catch {
    FileHandle.standardError.write(Data("haven: \(error)\n".utf8))
    exit(1)
}

let level = configuration.logLevel
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = level
    return handler
}

// Restoring, checking a backup and converting the recovery key run before any database is opened or key file made.
if let status = await StandaloneCommands.run(CommandLine.arguments, configuration: configuration) { exit(status) }

let app = try await Application.make(.detect())
var failed = false
do {
    // Help creates nothing: it is printed from a configuration in memory and a throwaway directory, so no database,
    // migration or key file of the real data directory is touched.
    let asksForHelp = CommandLine.arguments.dropFirst().contains { $0 == "--help" || $0 == "-h" || $0 == "help" }
    var used = configuration
    if asksForHelp {
        used.storage = .sqlite(path: nil)
        used.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("haven-help-\(UUID().uuidString)")
    }
    defer { if asksForHelp { try? FileManager.default.removeItem(at: used.dataDirectory) } }
    try configure(app, configuration: used)
    if !asksForHelp { try await app.prepareStorage() }
    let command = CommandLine.arguments.dropFirst().first ?? "serve"
    if !asksForHelp, command == "serve" || command.hasPrefix("--") {
        app.scheduleMaintenance()
        for warning in app.startupWarnings { app.logger.warning("\(warning)") }
    }
    if let code = app.setupCodeForConsole, command == "serve" {
        // On the console only: never logged, never in a URL.
        let message =
            "\nHaven is not set up yet. Open \(app.setupAddress) in a browser and enter this one-time setup code:\n\n    \(code)\n\n"
            + "(or run `haven setup --email ... --password-stdin` instead)\n\n"
        FileHandle.standardOutput.write(Data(message.utf8))
    }
    try await app.execute()
} catch {
    FileHandle.standardError.write(Data("haven: \(error)\n".utf8))
    failed = true
}
try await app.asyncShutdown()
exit(failed ? 1 : 0)
