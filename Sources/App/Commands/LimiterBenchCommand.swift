import Foundation
import Vapor

/// `haven bench limiter`: rate-limit lookups on a table that fills up and then evicts on every call.
struct LimiterBenchCommand: AsyncCommand {
    /// The command line options.
    struct Signature: CommandSignature {
        @Option(name: "keys", help: "Distinct keys taken in all (default 1000000)")
        var keys: Int?
        @Option(name: "capacity", help: "Buckets the limiter keeps (default 50000)")
        var capacity: Int?
    }

    var help: String { "Measures the rate limiter with a million distinct keys: per-call time as the table fills and evicts, and memory." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let total = max(10_000, signature.keys ?? 1_000_000)
        let capacity = max(1, signature.capacity ?? 50_000)
        let limiter = RateLimiter(capacity: capacity)
        let now = Date()
        let clock = ContinuousClock()
        let batchSize = total / 10
        let rssBefore = BenchFigures.residentMegabytes()
        var lines = ["haven bench limiter — \(total) distinct keys, capacity \(capacity)", "batch  buckets  ns per call"]
        var perCall: [Double] = []
        for batch in 0..<10 {
            let started = clock.now
            for number in 0..<batchSize {
                _ = await limiter.take([("key|\(batch)-\(number)", .reportPerClient)], now: now)
            }
            let nanoseconds = (clock.now - started).seconds * 1e9 / Double(batchSize)
            perCall.append(nanoseconds)
            lines.append("\(batch + 1)      \(await limiter.count)    \(Int(nanoseconds))")
        }
        let rssAfter = BenchFigures.residentMegabytes()
        lines.append("resident memory: \(Int(rssBefore)) MB before, \(Int(rssAfter)) MB after")
        context.console.print(lines.joined(separator: "\n"))
        let json: [String: Any] = [
            "bench": "limiter", "n": total, "capacity": capacity, "first_ns": BenchFigures.rounded(perCall[0]),
            "last_ns": BenchFigures.rounded(perCall[9]), "rss_mb": BenchFigures.rounded(rssAfter),
        ]
        context.console.print(try BenchFigures.jsonLine(json))
    }
}
