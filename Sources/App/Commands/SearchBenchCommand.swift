import AsyncHTTPClient
import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import SQLKit
import Vapor

/// `haven bench search`: fills a database with synthetic incidents and times full-text searches and filtered list pages.
struct SearchBenchCommand: AsyncCommand {
    /// The command line options.
    struct Signature: CommandSignature {
        @Option(name: "incidents", help: "How many incidents (default 100000)")
        var incidents: Int?
        @Option(name: "queries", help: "Queries per kind (default 200)")
        var queries: Int?
        @Option(name: "data-dir", help: "Where to build the database; an existing one with enough incidents is reused (default: temporary)")
        var dataDirectory: String?
    }

    var help: String { "Times search (common words, rare words, prefixes) and filtered list pages over N synthetic incidents." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let count = max(1_000, signature.incidents ?? 100_000)
        let perKind = max(20, signature.queries ?? 200)
        try await ThrowawayInstance.run(in: signature.dataDirectory, named: "bench-search") { app, directory in
            var corpus = BenchCorpus()
            let existing = try await Incident.query(on: app.db).count()
            var fillSeconds = 0.0
            if existing < count {
                let started = ContinuousClock.now
                var filler = BenchFiller(app: app, corpus: corpus)
                try await filler.fill(from: existing, to: count) { done in
                    context.console.print("  \(done) incidents…")
                }
                fillSeconds = (ContinuousClock.now - started).seconds
                try await (app.db as! any SQLDatabase).raw("PRAGMA optimize").run()
                try await (app.db as! any SQLDatabase).raw("INSERT INTO incident_search(incident_search) VALUES ('optimize')").run()
            }
            try warmPageCache(directory.appendingPathComponent("haven.sqlite"))
            let kinds = queries(&corpus, perKind: perKind)
            var results: [(String, BenchRun, Double)] = []
            for (name, filters) in kinds {
                for filter in filters.prefix(10) { _ = try await IncidentQuery.run(filter, on: app.db) }
                var latencies: [Double] = []
                var matches = 0
                for filter in filters {
                    let started = ContinuousClock.now
                    let result = try await IncidentQuery.run(filter, on: app.db)
                    _ = try await app.haven.incidents.types(of: result.rows.map(\.seq), on: app.db)
                    latencies.append((ContinuousClock.now - started).seconds * 1000)
                    matches += result.total
                }
                results.append((name, BenchRun(latencies: latencies), Double(matches) / Double(filters.count)))
            }
            let pages = try await listPages(app: app, filters: kinds.first { $0.0 == "filtered list" }?.1 ?? [])
            results.append(("list page (HTTP)", pages, -1))
            let all = BenchRun(latencies: results.dropLast().flatMap(\.1.latencies))
            let size =
                (try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("haven.sqlite").path)[.size] as? Int)
                ?? 0
            var table = """
                haven bench search — \(count) incidents (SQLite, \(size >> 20) MB\(fillSeconds > 0 ? String(format: ", filled in %.0f s", fillSeconds) : ", reused"))
                query kind                 n     p50 ms  p95 ms  p99 ms  mean matches
                """
            for (name, run, matches) in results where run.count > 0 {
                table +=
                    "\n" + name.padding(toLength: 27, withPad: " ", startingAt: 0)
                    + String(run.count).padding(toLength: 6, withPad: " ", startingAt: 0)
                    + [run.percentile(50), run.percentile(95), run.percentile(99)].map {
                        String(format: "%.2f", $0).padding(toLength: 8, withPad: " ", startingAt: 0)
                    }.joined()
                    + (matches < 0 ? "—" : String(format: "%.0f", matches))
            }
            context.console.print(table)
            var json: [String: Any] = [
                "bench": "search", "n": count, "p50_ms": BenchFigures.rounded(all.percentile(50)),
                "p95_ms": BenchFigures.rounded(all.percentile(95)),
                "p99_ms": BenchFigures.rounded(all.percentile(99)), "rss_mb": BenchFigures.rounded(BenchFigures.residentMegabytes()),
            ]
            for (name, run, _) in results {
                let key = String(name.lowercased().map { $0.isLetter ? $0 : "_" }).split(separator: "_").joined(separator: "_")
                json[key + "_p95_ms"] = BenchFigures.rounded(run.percentile(95))
            }
            context.console.print(try BenchFigures.jsonLine(json))
        }
    }

    /// Reads the database file once, so measuring starts from a warm page cache as a running server's would
    /// (this machine's kernel reclaims idle file pages).
    private func warmPageCache(_ file: URL) throws {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 16 << 20), !chunk.isEmpty {}
    }

    /// Times `/app/incidents` with the filtered-list queries over HTTP on loopback, as a signed-in documenter's browser
    /// would fetch it: session, query, facet lookups, rendering.
    private func listPages(app: Application, filters: [IncidentFilter]) async throws -> BenchRun {
        let password = "bench password, never used elsewhere"
        if try await Organisation.current(on: app.db) == nil {
            let pending = try await app.haven.setup.prepare(
                organisationName: "Bench", email: EmailAddress("admin@bench.invalid")!, password: password)
            _ = try await app.haven.setup.commit(pending, actor: "bench", on: app.db)
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let base = "http://127.0.0.1:\(app.http.server.shared.localAddress?.port ?? 0)"
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        let client = HTTPClient(eventLoopGroupProvider: .shared(app.eventLoopGroup), configuration: configuration)
        do {
            let run = try await timePages(client: client, base: base, password: password, filters: filters)
            try await client.shutdown()
            await app.server.shutdown()
            return run
        } catch {
            try? await client.shutdown()
            await app.server.shutdown()
            throw error
        }
    }

    private func timePages(client: HTTPClient, base: String, password: String, filters: [IncidentFilter]) async throws -> BenchRun {
        let login = try await client.execute(HTTPClientRequest(url: base + "/login"), timeout: .seconds(30))
        let form = String(buffer: try await login.body.collect(upTo: 1 << 20))
        guard let cookie = login.headers.first(name: .setCookie)?.split(separator: ";").first.map(String.init),
            let token = form.firstMatch(of: #/name="csrf" value="([^"]+)"/#)?.1
        else { throw Abort(.internalServerError, reason: "no sign-in form") }
        var signIn = HTTPClientRequest(url: base + "/login")
        signIn.method = .POST
        signIn.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        signIn.headers.add(name: "Cookie", value: cookie)
        signIn.body = .bytes(
            ByteBuffer(
                string: "csrf=\(token)&email=admin%40bench.invalid&password=" + password.addingPercentEncoding(
                    withAllowedCharacters: .alphanumerics)!))
        let signedIn = try await client.execute(signIn, timeout: .seconds(60))
        guard let session = signedIn.headers.first(name: .setCookie)?.split(separator: ";").first.map(String.init) else {
            throw Abort(.internalServerError, reason: "sign-in answered \(signedIn.status)")
        }
        var latencies: [Double] = []
        for (index, filter) in filters.enumerated() {
            var items = [
                ("country", filter.country), ("type", filter.type), ("heading", filter.heading), ("from", filter.from), ("to", filter.to),
                ("perpetrator", filter.perpetratorType), ("page", String(filter.page)),
            ]
            items += [("verification", filter.verification?.rawValue ?? ""), ("confidentiality", filter.confidentiality?.rawValue ?? "")]
            let query = items.filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
            var request = HTTPClientRequest(url: base + "/app/incidents?" + query)
            request.headers.add(name: "Cookie", value: session)
            let started = ContinuousClock.now
            let response = try await client.execute(request, timeout: .seconds(30))
            _ = try await response.body.collect(upTo: 8 << 20)
            guard response.status == .ok else { throw Abort(.internalServerError, reason: "list page answered \(response.status)") }
            if index >= 10 { latencies.append((ContinuousClock.now - started).seconds * 1000) }
        }
        return BenchRun(latencies: latencies)
    }

    /// The queries of each kind: searches by common words, rare words and prefixes, filtered lists, and both.
    private func queries(_ corpus: inout BenchCorpus, perKind: Int) -> [(String, [IncidentFilter])] {
        let words = corpus.words
        func search(_ text: String) -> IncidentFilter {
            var filter = IncidentFilter()
            filter.text = text
            return filter
        }
        let common = (0..<perKind).map { index in search(words[index % 12] + (index % 2 == 0 ? "" : " " + words[(index * 7 + 3) % 24])) }
        let rare = (0..<perKind).map { _ in search(words[5_000 + corpus.number(words.count - 5_000)]) }
        let prefixes = (0..<perKind).map { _ in search(String(words[30 + corpus.number(1_500)].prefix(4 + corpus.number(2)))) }
        let families = Vocabulary.incidentTypes.roots.map(\.code)
        let headings = AnnualReviewHeading.allCases.map(\.rawValue)
        let perpetrators = Vocabulary.perpetratorTypes.terms.map(\.code)
        let filtered = (0..<perKind).map { index -> IncidentFilter in
            var filter = IncidentFilter()
            switch index % 5 {
            case 0: filter.country = BenchFiller.countries[corpus.number(6)]
            case 1:
                filter.country = BenchFiller.countries[corpus.number(6)]
                filter.type = families[corpus.number(families.count)]
            case 2:
                filter.heading = headings[corpus.number(headings.count)]
                filter.from = String(2012 + corpus.number(14))
                filter.to = filter.from
            case 3:
                filter.perpetratorType = perpetrators[corpus.number(perpetrators.count)]
                filter.verification = .verified
            default:
                filter.country = BenchFiller.countries[corpus.number(3)]
                filter.from = "\(2014 + corpus.number(10))-0\(1 + corpus.number(9))"
                filter.to = "2025"
                filter.confidentiality = .public
            }
            filter.page = 1 + corpus.number(3)
            return filter
        }
        let combined = (0..<perKind).map { index -> IncidentFilter in
            var filter = index % 2 == 0 ? common[index] : rare[index]
            filter.country = BenchFiller.countries[corpus.number(4)]
            return filter
        }
        return [
            ("common words", common), ("rare words", rare), ("prefixes", prefixes), ("filtered list", filtered),
            ("search and filter", combined),
        ]
    }
}
