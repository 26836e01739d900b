import Foundation
import HavenDomain
import Vapor

/// `haven bench suppression`: complementary suppression of a country × month table with totals, and its verification.
struct SuppressionBenchCommand: AsyncCommand {
    /// The command line options.
    struct Signature: CommandSignature {
        @Option(name: "rows", help: "Rows of the table (default 60)")
        var rows: Int?
        @Option(name: "columns", help: "Columns of the table (default 24)")
        var columns: Int?
        @Option(name: "runs", help: "Tables suppressed (default 20)")
        var runs: Int?
    }

    var help: String { "Times complementary suppression (and the independent verifier) on a 60 × 24 table with totals." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let (rows, columns, runs) = (max(2, signature.rows ?? 60), max(2, signature.columns ?? 24), max(1, signature.runs ?? 20))
        var generator = SystemRandomNumberGenerator()
        var timings: [Double] = []
        var verifications: [Double] = []
        var hidden = (primary: 0, secondary: 0)
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let table = Self.table(rows: rows, columns: columns, using: &generator)
            let started = clock.now
            let statuses = GaussSuppression.suppress(table.model, threshold: 5)
            timings.append((clock.now - started).seconds * 1000)
            hidden.primary += statuses.filter { $0 == .primary }.count
            hidden.secondary += statuses.filter { $0 == .secondary }.count
            let verifying = clock.now
            guard DisclosureVerifier.recoverable(table.model, statuses).isEmpty else {
                throw Abort(.internalServerError, reason: "the verifier recovered a hidden cell")
            }
            verifications.append((clock.now - verifying).seconds * 1000)
        }
        timings.sort()
        verifications.sort()
        let p95 = timings[min(timings.count - 1, timings.count * 95 / 100)]
        context.console.print(
            """
            haven bench suppression — \(runs) tables of \(rows) × \(columns) with totals (\(table(rows, columns)) cells), threshold 5
            suppression: median \(BenchFigures.rounded(timings[timings.count / 2])) ms, p95 \(BenchFigures.rounded(p95)) ms
            verification (dense rank test): median \(BenchFigures.rounded(verifications[verifications.count / 2])) ms
            hidden per table: \(hidden.primary / runs) primary, \(hidden.secondary / runs) secondary; verifier: nothing recoverable
            """)
        let json: [String: Any] = [
            "bench": "suppression", "rows": rows, "columns": columns, "median_ms": BenchFigures.rounded(timings[timings.count / 2]),
            "p95_ms": BenchFigures.rounded(p95), "verify_median_ms": BenchFigures.rounded(verifications[verifications.count / 2]),
        ]
        context.console.print(try BenchFigures.jsonLine(json))
    }

    private func table(_ rows: Int, _ columns: Int) -> Int { rows * columns + rows + columns + 1 }

    /// Counts as monitoring tables have them: most cells small or empty, a few large.
    static func table(rows: Int, columns: Int, using generator: inout SystemRandomNumberGenerator) -> CrossTable {
        var records: [StatisticsRecord] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let count =
                    Int.random(in: 0..<4, using: &generator) == 0
                    ? Int.random(in: 0...40, using: &generator) : Int.random(in: 0...6, using: &generator)
                records += Array(repeating: StatisticsRecord(["r": ["r\(row)"], "c": ["c\(column)"]]), count: count)
            }
        }
        return CrossTable(records, rows: ("r", (0..<rows).map { "r\($0)" }), columns: ("c", (0..<columns).map { "c\($0)" }))
    }
}
