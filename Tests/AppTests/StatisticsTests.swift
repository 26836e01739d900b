import Foundation
import HavenDomain
import Testing

@testable import App

@Suite("Statistics")
struct StatisticsTests {
    /// Ten incidents: multi-type, month- and year-precision dates, a restricted one, two countries.
    static func record(_ browser: Browser) async throws {
        let names = ["Anaxo", "Borel", "Cidra", "Dumet", "Efrin", "Fulko", "Gavro", "Hislo", "Ivrak", "Jostel"]
        var fixtures: [(country: String, date: String, types: [String], confidentiality: String)] = [
            ("RU", "2020-06", ["V4.1"], "internal"), ("RU", "2020", ["V1.2", "V4.1"], "internal"),
            ("MD", "2021-05-17", ["V1.2"], "restricted"), ("MD", "2021-05", ["V1.2"], "public"),
        ]
        fixtures += Array(repeating: ("RU", "2021-03", ["V1.2"], "internal"), count: 6)
        for (index, fixture) in fixtures.enumerated() {
            let fields = incidentFields(
                title: "Counted incident \(index)", confidentiality: fixture.confidentiality, victim: names[index], types: fixture.types,
                extra: [("startDate", fixture.date), ("country", fixture.country), ("acts[0][type]", fixture.types[0])])
            _ = try await recordIncident(browser, fields)
        }
    }

    static func json(_ browser: Browser, _ query: String) async throws -> [String: Any] {
        let page = try await browser.get("/app/statistics?\(query)&format=json")
        #expect(page.status == .ok && page.headers.contentType?.subType == "json")
        return try #require(try JSONSerialization.jsonObject(with: page.bytes) as? [String: Any])
    }

    /// The counts of a JSON table by row code (the row's total) and, for two-way tables, by "row/column".
    static func counts(_ document: [String: Any]) -> [String: Int?] {
        var counts: [String: Int?] = [:]
        for row in document["rows"] as? [[String: Any]] ?? [] {
            let code = row["code"] as? String ?? ""
            counts[code] = (row["total"] as? [String: Any])?["count"] as? Int
            for cell in row["cells"] as? [[String: Any]] ?? [] {
                counts["\(code)/\(cell["column"] as? String ?? "")"] = cell["count"] as? Int
            }
        }
        counts["total"] = (document["total"] as? [String: Any])?["count"] as? Int
        return counts
    }

    @Test("counts by year, month, country × heading and type family match the hand count; filters narrow them", arguments: TestDatabase.all)
    func counts(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            try await Self.record(admin)
            let years = Self.counts(try await Self.json(admin, "rows=year"))
            #expect(years == ["2020": 2, "2021": 8, "total": 10])
            let months = Self.counts(try await Self.json(admin, "rows=month"))
            #expect(
                months == ["2020-00": 1, "2020-06": 1, "2021-03": 6, "2021-05": 2, "total": 10], "a year-precision date is not January")
            let crossed = Self.counts(try await Self.json(admin, "rows=country&columns=heading"))
            #expect(crossed["RU/freedom_of_expression"] == 2 && crossed["RU/bias_motivated_violence"] == 7 && crossed["RU"] == 8)
            #expect(crossed["MD/bias_motivated_violence"] == 2 && crossed["MD/freedom_of_expression"] == 0 && crossed["MD"] == 2)
            #expect(crossed["total"] == 10, "an incident of two headings is one incident in the total")
            let families = Self.counts(try await Self.json(admin, "rows=family"))
            #expect(families == ["V1": 9, "V4": 2, "total": 10])
            #expect(Self.counts(try await Self.json(admin, "rows=year&country=MD")) == ["2021": 2, "total": 2])
            #expect(
                Self.counts(try await Self.json(admin, "rows=confidentiality&from=2021")) == [
                    "internal": 6, "public": 1, "restricted": 1, "total": 8,
                ])
            #expect(Self.counts(try await Self.json(admin, "rows=year&heading=freedom_of_expression")) == ["2020": 2, "total": 2])
        }
    }

    @Test("protected for sharing: small counts are hidden with what would give them away, and nothing hidden follows from what is shown")
    func protected() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            try await Self.record(admin)
            let plain = Self.counts(try await Self.json(admin, "rows=country&columns=heading"))
            let shown = Self.counts(try await Self.json(admin, "rows=country&columns=heading&protected=yes"))
            #expect(
                shown["RU/freedom_of_expression"] == .some(nil) && shown["MD/bias_motivated_violence"] == .some(nil)
                    && shown["MD"] == .some(nil))
            #expect(shown["total"] == 10)
            // The attacker's sums: every published total minus the published cells in it must leave more than one unknown.
            let hidden = shown.filter { $0.value == nil }.map(\.key)
            #expect(hidden.count >= 4 && hidden.allSatisfy { plain[$0] != nil })
            let page = try await admin.get("/app/statistics?rows=country&columns=heading&protected=yes")
            #expect(page.status == .ok && page.body.contains("&lt;5") && page.body.contains("<svg role=\"img\""))
            #expect(page.body.contains("<title id=\"t1-title\">") && page.body.contains("fill=\"url(#t1-hatch)\""))
            #expect(page.body.contains("<table class=\"statistics\">") && !page.body.contains("<script"))
            let csv = try await admin.get("/app/statistics?rows=country&columns=heading&protected=yes&format=csv")
            #expect(csv.headers.contentType?.subType == "csv" && csv.body.hasPrefix("\u{FEFF}country,label,"))
            #expect(csv.body.contains("\r\nMD,Moldova,<5,") || csv.body.contains("\r\nMD,Moldova,x,"))
            #expect(!csv.body.contains("\r\nMD,Moldova,2,"))
        }
    }

    @Test(
        "unknown values fall back and are escaped; protected tables carry their threshold; roles that do not read documentation are refused"
    )
    func refusals() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "ed@example.org", role: .editor, by: admin)
            let editor = try await haven.signedInBrowser(email: "ed@example.org")
            #expect(try await editor.get("/app/statistics").status == .forbidden)
            #expect(try await editor.get("/app/statistics?format=csv").status == .forbidden)
            #expect(try await haven.browser().get("/app/statistics").status == .seeOther)
            let page = try await admin.get("/app/statistics?rows=nonsense&columns=%00&from=%3Cscript%3E&protected=maybe")
            #expect(page.status == .ok && !page.body.contains("<script>"), "unknown values fall back, and are escaped")
            try await Self.record(admin)
            let table = try await haven.app.haven.statistics.table(
                StatisticsQuery(rows: .month, columns: .family, isProtected: true), on: haven.db)
            #expect(table.threshold == 5 && table.total.count == 10)
            let plain = try await haven.app.haven.statistics.table(StatisticsQuery(rows: .month, columns: .family), on: haven.db)
            #expect(plain.threshold == nil && plain.rowTotals.allSatisfy { $0.count != nil && $0.status == .published })
        }
    }
}
