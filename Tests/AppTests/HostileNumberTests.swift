import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Hostile numbers")
struct HostileNumberTests {
    /// Values that break naive number handling: beyond Int64, at its edges, negative, not numbers at all, empty.
    static let values = [
        "461168601842738791", "9223372036854775807", "-9223372036854775808", "99999999999999999999999999", "-1",
        "abc", "", "1e400", "١٢٣",
    ]

    /// Every field name of every `Content` input the controllers decode, read from the sources, so a new input is walked
    /// without anyone remembering to add it here.
    static func inputFieldNames() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let controllers = root.appendingPathComponent("Sources/App/Controllers")
        var names: Set<String> = []
        let declaration = try NSRegularExpression(pattern: #"^\s+(?:var|let) ([a-zA-Z, ]+):"#)
        for case let url as URL in FileManager.default.enumerator(at: controllers, includingPropertiesForKeys: nil) ?? .init()
        where url.pathExtension == "swift" {
            var depth = 0
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
                if depth == 0, line.contains(": Content {") {
                    depth = 1
                    continue
                }
                guard depth > 0 else { continue }
                depth += line.filter { $0 == "{" }.count - line.filter { $0 == "}" }.count
                let text = String(line)
                guard let match = declaration.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                    let range = Range(match.range(at: 1), in: text)
                else { continue }
                for name in text[range].split(separator: ",") { names.insert(name.trimmingCharacters(in: .whitespaces)) }
            }
        }
        return names.sorted()
    }

    @Test(
        "every route, with huge, negative, non-numeric and empty values in every parameter it accepts, answers without a 5xx and the server lives"
    )
    func everyRoute() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let known = try await RouteFixtures.make(haven, admin: admin).known
            let names = try Self.inputFieldNames()
            #expect(names.contains("page") && names.contains("inactiveDays") && names.contains("victims"))
            let routes = haven.app.routes.all.filter { !["/logout"].contains("/" + $0.path.map(\.description).joined(separator: "/")) }
            var answered = 0
            let stranger = haven.browser()
            _ = try await stranger.get("/login")
            for route in routes {
                for value in Self.values {
                    let fields = Dictionary(uniqueKeysWithValues: names.map { ($0, value) })
                    let query = "?" + Browser.formEncode(fields)
                    for (browser, known) in [(admin, known), (stranger, [:])] {
                        let path = RouteFixtures.path(route, known: known, fallback: value.isEmpty ? "x" : value)
                        let page =
                            route.method == .GET ? try await browser.get(path + query) : try await browser.submit(path + query, fields)
                        answered += 1
                        #expect(page.status.code < 500, "\(route.method) \(path) with \(value.debugDescription): \(page.status)")
                    }
                }
            }
            #expect(answered >= routes.count * Self.values.count * 2)
            #expect(try await admin.get("/health").status == .ok)
            #expect(try await admin.get("/app").status == .ok, "the administrator is still signed in: the process did not restart")
        }
    }

    @Test("typed days and moments that trap Foundation's date parser are refused, and the server lives")
    func trappingDates() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let created = try await admin.submit("/app/cases", ["pseudonym": "Client", "risk": "high"])
            let code = try #require(created.location)
            let slug = try await writePublication(admin, publish: false)
            for typed in ["0\u{59A}n_:U0\u{59A}n^0U", "2020-0\u{301}1-01 1\u{301}2:00"] {
                #expect(try await admin.submit(code + "/tasks", ["title": "Hearing", "dueOn": typed]).status == .unprocessableEntity)
                #expect(
                    try await admin.submit("/app/publications/\(slug)/status", ["status": "published", "publishAt": typed]).status
                        == .unprocessableEntity)
            }
            #expect(TypedMoment.parse("2024-05-19 14:30") == Date(timeIntervalSince1970: 1_716_129_000))
            #expect(TypedMoment.parse("2024-05-19T24:00") == nil && TypedMoment.parse("2024-05-19") != nil)
            #expect(try await admin.get("/health").status == .ok)
        }
    }

    @Test("`WholeNumber` reads any text into its range without trapping")
    func wholeNumbers() {
        #expect(WholeNumber.parse("42", in: 1...100) == 42)
        #expect(WholeNumber.parse(" 7 ", in: 1...100) == 7)
        #expect(WholeNumber.parse("461168601842738791", in: 1...10_000) == nil)
        #expect(WholeNumber.read("99999999999999999999999999", in: 1...10) == .aboveRange)
        #expect(WholeNumber.read("-99999999999999999999999999", in: 1...10) == .belowRange)
        #expect(WholeNumber.read("000000000000000000000000000000005", in: 1...10) == .value(5))
        #expect(WholeNumber.read("٣", in: 1...10) == .notANumber)
        #expect(WholeNumber.read("1e3", in: 1...10_000) == .notANumber)
        #expect(WholeNumber.read("", in: 1...10) == .notANumber)
        #expect(WholeNumber.read("+-1", in: -5...5) == .notANumber)
        #expect(WholeNumber.clamped("461168601842738791", to: 1...10_000) == 10_000)
        #expect(WholeNumber.clamped("-3", to: 1...10_000) == 1)
        #expect(WholeNumber.clamped("many", to: 1...10_000, fallback: 1) == 1)
        #expect(IncidentFilter(page: Int.max).hasPage(after: Int.max) == true)
        #expect(IncidentFilter(page: Int.min).boundedPage == 1)
    }

    @Test("the process forbids core dumps and creates files for its own user only")
    func coreDumpsAndFileModes() async throws {
        try ProcessHardening.apply()
        #expect(ProcessHardening.forbidsCoreDumps)
        try await withHaven(file: true) { haven in
            try await haven.setUp()
            let database = haven.dataDirectory.appendingPathComponent("haven.sqlite").path
            for path in [database, haven.dataDirectory.appendingPathComponent("keys/receipt.key").path] {
                let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
                #expect(mode & 0o077 == 0, "\(path) is \(String(mode, radix: 8))")
            }
        }
    }
}

extension IncidentFilter {
    /// A filter on one page (tests).
    init(page: Int) {
        self.init()
        self.page = page
    }
}
