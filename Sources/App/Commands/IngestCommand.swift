import Foundation
import HavenDomain
import HavenIngest
import Vapor

/// `haven ingest FILE… [--json] [--reference-date YYYY-MM-DD] [--per-file]`: reads news texts and prints what Haven
/// extracts from each item, as a table or one JSON array. (Parsed by hand: Vapor's signatures take no list of files.)
struct IngestCommand: AnyAsyncCommand {
    /// The command line as given.
    struct Options {
        var files: [String] = []
        var json = false
        var perFile = false
        var referenceDate: String?

        init(_ arguments: [String]) throws {
            var rest = arguments[...]
            while let argument = rest.popFirst() {
                switch argument {
                case "--json": json = true
                case "--per-file": perFile = true
                case "--reference-date":
                    guard let value = rest.popFirst() else { throw CommandFailure("--reference-date: give a day as YYYY-MM-DD") }
                    referenceDate = value
                default:
                    guard !argument.hasPrefix("--") else { throw CommandFailure("\(argument): unknown option") }
                    files.append(argument)
                }
            }
            guard !files.isEmpty else { throw CommandFailure("give at least one file") }
        }
    }

    var help: String { "Extracts dates, places, countries, organisations, counts, headings and incident types from news texts." }

    func outputHelp(using context: inout CommandContext) {
        context.console.print("Usage: haven ingest FILE… [--json] [--reference-date YYYY-MM-DD] [--per-file]\n\n\(help)")
    }

    func run(using context: inout CommandContext) async throws {
        if context.input.arguments.contains("--help") || context.input.arguments.contains("-h") {
            outputHelp(using: &context)
            return
        }
        let signature = try Options(context.input.arguments)
        let console = context.console
        try await run(signature, console: console)
    }

    func run(_ signature: Options, console: any Console) async throws {
        var reference = Date()
        if let typed = signature.referenceDate {
            guard let date = TypedMoment.parse(typed), typed.count == 10 else {
                throw CommandFailure("--reference-date: give a day as YYYY-MM-DD")
            }
            reference = date
        }
        var items: [String] = []
        for path in signature.files {
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): cannot read the file") }
            var text = String(decoding: data, as: UTF8.self)
            if path.lowercased().hasSuffix(".html") || path.lowercased().hasSuffix(".htm") { text = PlainText.fromHTML(text) }
            items +=
                signature.perFile
                ? [NewsIngest.items(in: text).joined(separator: "\n\n")].filter { !$0.isEmpty } : NewsIngest.items(in: text)
        }
        let extractions = items.map { NewsIngest.extract($0, reference: reference) }
        if signature.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            console.print(String(decoding: try encoder.encode(extractions), as: UTF8.self))
            return
        }
        for (number, item) in extractions.enumerated() {
            console.print(
                """
                #\(number + 1) [\(item.language), \(item.kind.rawValue)] \(String(item.text.prefix(90)))\(item.text.count > 90 ? "…" : "")
                  dates:         \(item.dates.map { "\($0.value) (\($0.precision.rawValue))" }.joined(separator: ", "))
                  countries:     \(item.countries.joined(separator: ", "))   places: \(item.places.map { "\($0.name) (\($0.country))" }.joined(separator: ", "))
                  organisations: \(item.organisations.map(\.name).joined(separator: "; "))
                  counts:        \(item.counts.map { "\($0.value) \($0.unit)" }.joined(separator: ", "))
                  headings:      \(item.headings.prefix(3).map { "\($0.name) \(String(format: "%.1f", $0.score))" }.joined(separator: ", "))
                  types:         \(item.types.prefix(3).map { "\($0.code) \($0.label) \(String(format: "%.1f", $0.score))" }.joined(separator: "; "))
                """)
        }
    }
}

/// `haven bench ingest`: items per second through the extractor on one core.
struct IngestBenchCommand: AsyncCommand {
    /// The command line options.
    struct Signature: CommandSignature {
        @Option(name: "items", help: "How many items (default 10000)")
        var items: Int?
    }

    var help: String { "Extracts N recombined news items on one core and prints items per second." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let items = SampleNews.items(max(100, signature.items ?? 10_000))
        let reference = Date()
        _ = items.prefix(200).map { NewsIngest.extract($0, reference: reference) }
        var latencies: [Double] = []
        latencies.reserveCapacity(items.count)
        let started = ContinuousClock.now
        for item in items {
            let begin = ContinuousClock.now
            _ = NewsIngest.extract(item, reference: reference)
            latencies.append((ContinuousClock.now - begin).seconds * 1000)
        }
        let run = BenchRun(latencies: latencies, seconds: (ContinuousClock.now - started).seconds)
        context.console.print(
            """
            haven bench ingest — \(items.count) items (2–4 sentences each, en/ru/ro), one core
            items per second  p50 ms  p95 ms  p99 ms
            \(String(format: "%-18.0f%-8.3f%-8.3f%.3f", run.perSecond, run.percentile(50), run.percentile(95), run.percentile(99)))
            """)
        context.console.print(
            try BenchFigures.jsonLine([
                "bench": "ingest", "n": items.count, "per_s": BenchFigures.rounded(run.perSecond),
                "p50_ms": BenchFigures.rounded(run.percentile(50)), "p95_ms": BenchFigures.rounded(run.percentile(95)),
                "p99_ms": BenchFigures.rounded(run.percentile(99)), "rss_mb": BenchFigures.rounded(BenchFigures.residentMegabytes()),
            ]))
    }
}
