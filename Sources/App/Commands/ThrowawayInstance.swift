import Foundation
import Vapor

/// A Haven of its own for benchmarks and the demo: a data directory (temporary unless given), configured, migrated,
/// shut down and (when temporary) deleted afterwards, whatever happens.
enum ThrowawayInstance {
    static func run<T>(
        in given: String?, named name: String, logLevel: Logger.Level = .error,
        adjust: (inout HavenConfiguration) -> Void = { _ in },
        _ body: (Application, URL) async throws -> T
    ) async throws -> T {
        let directory =
            given.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("haven-\(name)-\(UUID().uuidString)")
        defer { if given == nil { try? FileManager.default.removeItem(at: directory) } }
        var configuration = HavenConfiguration(
            dataDirectory: directory, storage: .sqlite(path: directory.appendingPathComponent("haven.sqlite").path),
            logLevel: logLevel)
        adjust(&configuration)
        let app = try await Application.make(.production)
        app.logger.logLevel = logLevel
        do {
            try configure(app, configuration: configuration)
            try await app.prepareStorage()
            let result = try await body(app, directory)
            await app.server.shutdown()
            try await app.asyncShutdown()
            return result
        } catch {
            await app.server.shutdown()
            try await app.asyncShutdown()
            throw error
        }
    }
}
