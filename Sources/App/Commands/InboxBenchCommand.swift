import AsyncHTTPClient
import Foundation
import HavenDomain
import HavenVault
import NIOCore
import Vapor

/// `haven bench inbox`: the inbox of a coordinator who received a junk flood (10,000 reports by default), fetched over
/// HTTP on loopback as their browser would: the first page, later pages, and filtered pages. Prints p50/p95.
struct InboxBenchCommand: AsyncCommand {
    /// The command line options.
    struct Signature: CommandSignature {
        @Option(name: "reports", help: "Reports in the inbox (default 10000)")
        var reports: Int?
        @Option(name: "requests", help: "Pages fetched (default 300)")
        var requests: Int?
        @Option(name: "data-dir", help: "Where to build the instance (default: a new temporary directory, removed afterwards)")
        var dataDirectory: String?
    }

    static let password = "bench password, never used elsewhere"

    var help: String { "Measures inbox pages (first, later, filtered) with a junk flood of reports in the inbox." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let reports = max(1, signature.reports ?? 10_000)
        let requests = max(1, signature.requests ?? 300)
        try await ThrowawayInstance.run(
            in: signature.dataDirectory, named: "bench-inbox",
            adjust: {
                $0.kdfParameters = KDFParameters(logN: 12, r: 8, p: 1)
                $0.limitsIntake = false
            }
        ) { app, _ in
            let pending = try await app.haven.setup.prepare(
                organisationName: "Bench", email: EmailAddress("admin@bench.invalid")!,
                password: Self.password)
            _ = try await app.haven.setup.commit(pending, actor: "bench", on: app.db)
            let filling = ContinuousClock.now
            try await fill(app, reports: reports)
            let fillSeconds = (ContinuousClock.now - filling).seconds
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let base = "http://127.0.0.1:\(app.http.server.shared.localAddress?.port ?? 0)"
            var configuration = HTTPClient.Configuration()
            configuration.redirectConfiguration = .disallow
            let client = HTTPClient(eventLoopGroupProvider: .shared(app.eventLoopGroup), configuration: configuration)
            do {
                let session = try await BenchSession.signIn(
                    client: client, base: base, email: "admin@bench.invalid", password: Self.password)
                let run = try await measure(session, reports: reports, requests: requests)
                context.console.print(
                    "inbox: \(reports) reports (sealed in \(String(format: "%.1f", fillSeconds)) s), \(run.count) pages: "
                        + "p50 \(String(format: "%.1f", run.percentile(50))) ms, p95 \(String(format: "%.1f", run.percentile(95))) ms")
                context.console.print(
                    try BenchFigures.jsonLine([
                        "bench": "inbox", "reports": reports, "pages": run.count, "p50_ms": BenchFigures.rounded(run.percentile(50)),
                        "p95_ms": BenchFigures.rounded(run.percentile(95)),
                        "rss_mb": BenchFigures.rounded(BenchFigures.residentMegabytes()),
                    ]))
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    /// Seals the reports as the report form does, eight at a time; every third one is a request for help.
    private func fill(_ app: Application, reports: Int) async throws {
        let intake = app.haven.intake
        let db = app.db
        for start in stride(from: 0, to: reports, by: 8) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in start..<min(start + 8, reports) {
                    group.addTask {
                        let submission = ReportSubmission(
                            kind: number % 3 == 0 ? .help : .other,
                            narrative: "Junk report \(number): buy cheap followers now, click here")
                        _ = try await intake.submit(submission, on: db)
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    /// Fetches the first page, pages across the list and filtered pages in turn.
    private func measure(_ session: BenchSession, reports: Int, requests: Int) async throws -> BenchRun {
        let pages = max(1, (reports + InboxFilter.pageSize - 1) / InboxFilter.pageSize)
        let paths = [
            "/app/inbox", "/app/inbox?page=\(pages / 2)", "/app/inbox?page=\(pages)", "/app/inbox?kind=help",
            "/app/inbox?unread=yes&kind=other&page=3", "/app/inbox?from=\(Day.today())",
        ]
        var run = BenchRun(latencies: [])
        let started = ContinuousClock.now
        for index in 0..<requests {
            let path = paths[index % paths.count]
            let began = ContinuousClock.now
            let page = try await session.get(path)
            guard page.status == .ok, page.body.contains("name=\"reports[]\"") else {
                throw CommandFailure("\(path) answered \(page.status)")
            }
            run.latencies.append((ContinuousClock.now - began).seconds * 1000)
        }
        run.seconds = (ContinuousClock.now - started).seconds
        return run
    }
}
