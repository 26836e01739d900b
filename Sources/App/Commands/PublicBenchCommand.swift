import Fluent
import Foundation
import HavenDomain
import SQLKit
import Vapor

/// `haven bench public`: the public site under load from `wrk` (64 connections on loopback) over N publications:
/// home, a list, one publication page, publication pages picked at random, and `/health` as the ceiling.
struct PublicBenchCommand: AsyncCommand {
    /// The command line options.
    struct Signature: CommandSignature {
        @Option(name: "publications", help: "How many publications (default 100000)")
        var publications: Int?
        @Option(name: "seconds", help: "Seconds of load per page (default 10)")
        var seconds: Int?
        @Option(name: "connections", help: "Concurrent connections (default 64)")
        var connections: Int?
        @Option(name: "data-dir", help: "Where to build the database; an existing one is reused (default: temporary)")
        var dataDirectory: String?
    }

    var help: String { "Loads the public site with wrk and prints requests per second and latency per page, /health included." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let count = max(100, signature.publications ?? 100_000)
        let seconds = max(2, signature.seconds ?? 10)
        let connections = max(1, signature.connections ?? 64)
        guard let wrk = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw CommandFailure("wrk is not installed (Debian: apt-get install wrk)")
        }
        try await ThrowawayInstance.run(in: signature.dataDirectory, named: "bench-public") { app, directory in
            let existing = try await Publication.query(on: app.db).count()
            if existing < count { try await fill(app, from: existing, to: count) { context.console.print("  \($0) publications…") } }
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let base = "http://127.0.0.1:\(app.http.server.shared.localAddress?.port ?? 0)"
            let script = directory.appendingPathComponent("bench.lua")
            let slugs = (0..<500).map { _ in "/p/bench-\(Int.random(in: 1...count))" }
            try Self.script(randomPaths: slugs).write(to: script, atomically: true, encoding: .utf8)
            let targets: [(String, String, Bool)] = [
                ("/health", "/health", false), ("home", "/", false), ("list (news)", "/news", false),
                ("publication page", "/p/bench-\(count)", false), ("random publications", "/", true),
            ]
            var results: [(String, WrkResult)] = []
            for (name, path, random) in targets {
                results.append(
                    (
                        name,
                        try Self.load(
                            wrk: wrk, url: base + path, script: script, random: random, seconds: seconds, connections: connections)
                    ))
            }
            try await Task.sleep(for: .seconds(1))  // let the last in-flight requests finish before the instance shuts down
            let ceiling = results.first?.1.perSecond ?? 1
            var table =
                "haven bench public — \(count) publications, \(connections) connections, \(seconds) s each (wrk and Haven share the machine)\n"
            table += "page                  requests/s  of /health  p50 ms  p95 ms  p99 ms"
            for (name, result) in results {
                table +=
                    "\n" + name.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + String(
                        format: "%-12.0f%-12.2f%-8.2f%-8.2f%.2f", result.perSecond,
                        result.perSecond / ceiling, result.p50, result.p95, result.p99)
            }
            context.console.print(table)
            let page = results.first { $0.0 == "publication page" }?.1
            var json: [String: Any] = [
                "bench": "public", "n": count, "per_s": BenchFigures.rounded(page?.perSecond ?? 0),
                "p50_ms": BenchFigures.rounded(page?.p50 ?? 0), "p95_ms": BenchFigures.rounded(page?.p95 ?? 0),
                "p99_ms": BenchFigures.rounded(page?.p99 ?? 0), "rss_mb": BenchFigures.rounded(BenchFigures.residentMegabytes()),
            ]
            for (name, result) in results {
                let key = String(name.lowercased().map { $0.isLetter ? $0 : "_" }).split(separator: "_").joined(separator: "_")
                json[key + "_per_s"] = BenchFigures.rounded(result.perSecond)
                json[key + "_p95_ms"] = BenchFigures.rounded(result.p95)
            }
            context.console.print(try BenchFigures.jsonLine(json))
        }
    }

    /// What wrk measured for one page.
    struct WrkResult {
        let perSecond: Double
        let p50: Double
        let p95: Double
        let p99: Double
    }

    /// A Lua script for wrk: prints the figures on one line; with random paths, each request picks one.
    static func script(randomPaths: [String]) -> String {
        """
        local paths = {\(randomPaths.map { "\"\($0)\"" }.joined(separator: ","))}
        local random = os.getenv("HAVEN_RANDOM") == "1"
        request = function()
          if random then return wrk.format(nil, paths[math.random(#paths)]) end
          return wrk.format(nil)
        end
        done = function(summary, latency, requests)
          io.write(string.format("HAVEN %d %d %d %.3f %.3f %.3f\\n", summary.requests, summary.duration, summary.errors.status,
            latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
        end
        """
    }

    static func load(wrk: String, url: String, script: URL, random: Bool, seconds: Int, connections: Int) throws -> WrkResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = ["-t2", "-c\(connections)", "-d\(seconds)s", "-s", script.path, url]
        var environment = ProcessInfo.processInfo.environment
        environment["HAVEN_RANDOM"] = random ? "1" : "0"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first(where: { $0.hasPrefix("HAVEN ") }) else {
            throw CommandFailure("wrk printed no figures for \(url)")
        }
        let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count == 6 else { throw CommandFailure("unexpected wrk figures: \(line)") }
        guard fields[2] == 0 else { throw CommandFailure("\(Int(fields[2])) non-2xx answers for \(url)") }
        return WrkResult(perSecond: fields[0] / (fields[1] / 1_000_000), p50: fields[3], p95: fields[4], p99: fields[5])
    }

    /// Published publications with realistic texts in English with Russian or Romanian translations, written in large
    /// transactions the way `Publishing` lays them out (JSON content, search rows).
    private func fill(_ app: Application, from start: Int, to end: Int, progress: (Int) -> Void) async throws {
        var corpus = BenchCorpus(seed: 7)
        let kinds = PublicationKind.allCases
        let headings = AnnualReviewHeading.allCases.map(\.rawValue)
        let now = Date()
        var next = start
        while next < end {
            let size = min(1_000, end - next)
            var rows: [[any SQLExpression]] = []
            var documents: [[any SQLExpression]] = []
            for offset in 0..<size {
                let seq = next + offset + 1
                let translation = seq % 3 == 0 ? "ro" : "ru"
                let paragraphs = (0..<(3 + corpus.number(5))).map { _ in corpus.text(40 + corpus.number(60)) }
                let content = PublicationContent(
                    title: Translations(["en": corpus.text(6 + corpus.number(6)), translation: corpus.text(6 + corpus.number(6))]),
                    summary: Translations(["en": corpus.text(25), translation: corpus.text(25)]),
                    body: Translations([
                        "en": paragraphs.joined(separator: "\n\n"), translation: paragraphs.prefix(2).joined(separator: "\n\n"),
                    ]),
                    venue: "", participants: nil)
                let kind = kinds[corpus.number(kinds.count)]
                let country = BenchFiller.countries[corpus.number(6)]
                let category = headings[corpus.number(headings.count)]
                let published = now.addingTimeInterval(-Double(end - seq) * 3_600)
                rows.append([
                    SQLBind(UUID()), SQLBind(seq), SQLBind("bench-\(seq)"), SQLBind(kind.rawValue), SQLBind("published"), SQLBind("en"),
                    SQLBind(try JSONEncoder().encode(content)), SQLBind(Day.today(published)), SQLBind(published), SQLBind(",\(country),"),
                    SQLBind(",\(category),"), SQLBind(",en,\(translation),"), SQLBind(now), SQLBind(now),
                ])
                let document = SearchText.fold(
                    ([content.title, content.summary, content.body].flatMap { Array($0.values.values) }).joined(separator: " "))
                documents.append([
                    SQLBind(seq), SQLBind(document),
                    SQLBind("k_\(kind.rawValue) s_published c_\(country.lowercased()) g_\(category) l_en l_\(translation)"),
                ])
            }
            let (publicationRows, documentRows) = (rows, documents)
            try await app.db.transaction { db in
                let sql = db as! any SQLDatabase
                try await sql.insert(into: "publications")
                    .columns(
                        "id", "seq", "slug", "kind", "status", "original_language", "content", "date", "published_at", "countries",
                        "categories",
                        "languages", "created_at", "updated_at"
                    )
                    .rows(publicationRows).run()
                try await sql.insert(into: "publication_search").columns("rowid", "document", "facets").rows(documentRows).run()
            }
            next += size
            if next % 20_000 == 0 || next == end { progress(next) }
        }
    }
}
