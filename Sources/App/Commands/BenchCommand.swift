import AsyncHTTPClient
import Crypto
import Foundation
import HavenDomain
import HavenVault
import NIOCore
import Vapor

/// `haven bench …`: benchmarks that build their own data and print figures (run them on a release build).
struct BenchCommand: AsyncCommandGroup {
    var help: String { "Runs a benchmark and prints a table and one JSON line." }
    var commands: [String: any AnyAsyncCommand] {
        [
            "intake": IntakeBenchCommand(), "inbox": InboxBenchCommand(), "search": SearchBenchCommand(), "public": PublicBenchCommand(),
            "ingest": IngestBenchCommand(),
            "upload": UploadBenchCommand(), "limiter": LimiterBenchCommand(), "suppression": SuppressionBenchCommand(),
            "backup": BackupBenchCommand(),
        ]
    }
}

/// `haven bench intake`: anonymous report submission end to end over HTTP on loopback, sealing included.
struct IntakeBenchCommand: AsyncCommand {
    /// The command line options.
    struct Signature: CommandSignature {
        @Option(name: "submissions", help: "Submissions per run (default 10000)")
        var submissions: Int?
        @Option(name: "recipients", help: "Staff each report is sealed to, besides the recovery key (default 3)")
        var recipients: Int?
        @Option(name: "data-dir", help: "Where to build the instance (default: a new temporary directory, removed afterwards)")
        var dataDirectory: String?
    }

    var help: String { "Measures report submission (sealing included) over HTTP with 1 and 16 clients." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let total = max(16, signature.submissions ?? 10_000)
        try await ThrowawayInstance.run(in: signature.dataDirectory, named: "bench-intake", adjust: { $0.limitsIntake = false }) { app, _ in
            try await seed(app, recipients: max(1, signature.recipients ?? 3))
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let base = "http://127.0.0.1:\(app.http.server.shared.localAddress?.port ?? 0)"
            var clientConfiguration = HTTPClient.Configuration()
            clientConfiguration.redirectConfiguration = .disallow
            let client = HTTPClient(eventLoopGroupProvider: .shared(app.eventLoopGroup), configuration: clientConfiguration)
            let rssBefore = BenchFigures.residentMegabytes()
            let warm = try await measure(client: client, base: base, clients: 4, submissions: 200)
            let single = try await measure(client: client, base: base, clients: 1, submissions: total / 4)
            let concurrent = try await measure(client: client, base: base, clients: 16, submissions: total)
            let rssAfter = BenchFigures.residentMegabytes()
            try await client.shutdown()
            let stored = try await Report.query(on: app.db).count()
            context.console.print(
                """
                haven bench intake — \(stored) reports stored (\(warm.count) warm-up), each sealed to \(max(1, signature.recipients ?? 3)) staff + the recovery key
                clients  submissions  p50 ms  p95 ms  p99 ms  per second
                \(row(1, single))
                \(row(16, concurrent))
                resident memory (server and client in one process): \(format(rssBefore)) MB before, \(format(rssAfter)) MB after
                """)
            let json: [String: Any] = [
                "bench": "intake", "n": concurrent.count, "p50_ms": BenchFigures.rounded(concurrent.percentile(50)),
                "p95_ms": BenchFigures.rounded(concurrent.percentile(95)), "p99_ms": BenchFigures.rounded(concurrent.percentile(99)),
                "per_s": BenchFigures.rounded(concurrent.perSecond), "rss_mb": BenchFigures.rounded(rssAfter),
            ]
            context.console.print(try BenchFigures.jsonLine(json))
        }
    }

    /// An organisation with an administrator and further intake recipients (cheap: keys only, no sign-in needed).
    private func seed(_ app: Application, recipients: Int) async throws {
        let pending = try await app.haven.setup.prepare(
            organisationName: "Bench", email: EmailAddress("admin@bench.invalid")!,
            password: "bench password not used")
        _ = try await app.haven.setup.commit(pending, actor: "bench", on: app.db)
        let recovery = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: pending.recoveryPublicKey)
        for index in 1..<recipients {
            let id = UUID()
            let key = Curve25519.KeyAgreement.PrivateKey()
            let user = User(
                id: id, emailLookup: "bench-\(index)", emailSealed: Data(), role: .coordinator, status: .invited,
                publicKey: key.publicKey.rawRepresentation,
                recoverySealedPrivateKey: try UserKeys.sealForRecovery(key, userID: id.uuidString, recoveryKey: recovery))
            try await user.create(on: app.db)
        }
    }

    private func measure(client: HTTPClient, base: String, clients: Int, submissions: Int) async throws -> BenchRun {
        let started = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for index in 0..<clients {
                let share = submissions / clients + (index < submissions % clients ? 1 : 0)
                group.addTask { try await submitReports(client: client, base: base, count: share, seed: index) }
            }
            var all: [Double] = []
            for try await part in group { all += part }
            return all
        }
        let elapsed = ContinuousClock.now - started
        return BenchRun(latencies: latencies, seconds: elapsed.seconds)
    }

    /// One visitor: opens the form once (session and token), then submits `count` reports, timing each.
    private func submitReports(client: HTTPClient, base: String, count: Int, seed: Int) async throws -> [Double] {
        var form = HTTPClientRequest(url: base + "/report/violation")
        form.method = .GET
        let page = try await client.execute(form, timeout: .seconds(30))
        let html = String(buffer: try await page.body.collect(upTo: 1 << 20))
        guard let cookie = page.headers.first(name: .setCookie)?.split(separator: ";").first.map(String.init),
            let tokenRange = html.range(of: #"name="csrf" value=""#),
            let end = html[tokenRange.upperBound...].firstIndex(of: "\"")
        else { throw Abort(.internalServerError, reason: "no form token") }
        let token = String(html[tokenRange.upperBound..<end])
        let boundary = "HavenBench\(seed)"
        var latencies: [Double] = []
        latencies.reserveCapacity(count)
        for number in 0..<count {
            let narrative = Self.narratives[(seed + number) % Self.narratives.count] + " (\(seed)-\(number))"
            var body = ""
            for (name, value) in [
                ("csrf", token), ("narrative", narrative), ("country", "Moldova"), ("city", "Bălți"), ("when", "May 2024"),
            ] {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
            }
            body += "--\(boundary)--\r\n"
            var request = HTTPClientRequest(url: base + "/report/violation")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
            request.headers.add(name: "Cookie", value: cookie)
            request.body = .bytes(ByteBuffer(string: body))
            let started = ContinuousClock.now
            let response = try await client.execute(request, timeout: .seconds(30))
            _ = try await response.body.collect(upTo: 1 << 20)
            let elapsed = ContinuousClock.now - started
            guard response.status == .seeOther else { throw Abort(.internalServerError, reason: "submission answered \(response.status)") }
            latencies.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        return latencies
    }

    private func row(_ clients: Int, _ run: BenchRun) -> String {
        [
            String(clients).padding(toLength: 9, withPad: " ", startingAt: 0),
            String(run.count).padding(toLength: 13, withPad: " ", startingAt: 0),
            format(run.percentile(50)).padding(toLength: 8, withPad: " ", startingAt: 0),
            format(run.percentile(95)).padding(toLength: 8, withPad: " ", startingAt: 0),
            format(run.percentile(99)).padding(toLength: 8, withPad: " ", startingAt: 0), format(run.perSecond),
        ].joined()
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
    static let narratives = [
        "Two men were stopped by police near the bus station and held for six hours without a lawyer. Officers threatened to tell their families.",
        "Мою подругу избили у подъезда после того, как соседи узнали о ней. Полиция отказалась принять заявление и посмеялась над ней.",
        "Am fost dat afară din apartament de proprietar după ce a aflat că sunt gay. Nu am unde să stau și am nevoie de ajutor juridic.",
        "A man I met through a dating app came with three others. They filmed me, took my phone and money, and demanded more to stay silent.",
        "Мне угрожают родственники, требуют вернуться домой и «лечиться». Я боюсь за свою жизнь и хочу уехать из республики.",
    ]
}
