import Foundation
import Vapor

/// A Haven of its own for benchmarks and the demo: a data directory (temporary unless given), configured, migrated,
/// shut down and (when temporary) deleted afterwards, whatever happens.
enum ThrowawayInstance {
    static func run<T>(in given: String?, named name: String, logLevel: Logger.Level = .error,
                       adjust: (inout HavenConfiguration) -> Void = { _ in },
                       _ body: (Application, URL) async throws -> T) async throws -> T {
        let directory = given.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("haven-\(name)-\(UUID().uuidString)")
        defer { if given == nil { try? FileManager.default.removeItem(at: directory) } }
        var configuration = HavenConfiguration(dataDirectory: directory, storage: .sqlite(path: directory.appendingPathComponent("haven.sqlite").path),
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

/// Latencies of one kind of operation, in milliseconds.
struct BenchRun {
    var latencies: [Double]
    /// Wall time of the whole run, for throughput.
    var seconds: Double = 0

    var count: Int { latencies.count }
    var perSecond: Double { seconds > 0 ? Double(count) / seconds : 0 }

    func percentile(_ p: Double) -> Double {
        let sorted = latencies.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * p / 100).rounded(.up)) - 1))]
    }
}

/// Benchmark figures as printed.
enum BenchFigures {
    /// Two decimals, for the JSON line.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// This process's resident set size from /proc, in MiB.
    static func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }

    /// The one JSON line every benchmark ends with.
    static func jsonLine(_ fields: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
