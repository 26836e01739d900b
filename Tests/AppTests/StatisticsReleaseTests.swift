import Foundation
import HavenDomain
import Testing

@testable import App

@Suite("Statistics releases")
struct StatisticsReleaseTests {
    /// Every count a release page's JSON shows, by table and cell (`1:2021`, `3:MD/bias_motivated_violence`).
    static func counts(_ browser: Browser, tables: Int) async throws -> [String: Int?] {
        var counts: [String: Int?] = [:]
        for index in 1...tables {
            let page = try await browser.get("/statistics?table=\(index)&format=json")
            #expect(page.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: page.bytes) as? [String: Any])
            for (key, value) in StatisticsTests.counts(document) { counts["\(index):\(key)"] = value }
        }
        return counts
    }

    @Test(
        "a release is made from public and internal incidents, protected across its tables, approved by an administrator, then public; the next one lists what changed"
    )
    func release() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "doc@example.org", role: .documenter, by: admin)
            let documenter = try await haven.signedInBrowser(email: "doc@example.org")
            try await StatisticsTests.record(admin)
            let visitor = haven.browser()
            #expect(try await visitor.get("/statistics").body.contains("No statistics have been published yet."))

            let low = try await documenter.submit("/app/statistics/releases", ["from": "2020", "to": "", "threshold": "2"])
            #expect(low.status == .unprocessableEntity && low.body.contains("cannot be lower") && low.body.contains("value=\"2020\""))
            let bad = try await documenter.submit("/app/statistics/releases", ["from": "soon", "to": "", "threshold": "5"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("2024-06-30"))
            let forged = try await documenter.submit(
                "/app/statistics/releases", ["from": "", "to": "", "threshold": "5"], csrf: .some(nil))
            #expect(forged.status == .forbidden)
            let made = try await documenter.submit("/app/statistics/releases", ["from": "", "to": "", "threshold": "5"])
            #expect(made.status == .seeOther && made.location == "/app/statistics/releases/1")
            let draft = try await documenter.get("/app/statistics/releases/1")
            #expect(draft.body.contains("Draft: not public") && !draft.body.contains("Approve and publish"))
            #expect(try await documenter.submit("/app/statistics/releases/1/approve", [:]).status == .forbidden)
            #expect(try await visitor.get("/statistics").body.contains("No statistics have been published yet."), "a draft is not public")

            #expect(try await admin.submit("/app/statistics/releases/1/approve", [:], csrf: .some(nil)).status == .forbidden)
            #expect(try await admin.submit("/app/statistics/releases/1/approve", [:]).status == .seeOther)
            #expect(try await admin.submit("/app/statistics/releases/1/approve", [:]).status == .conflict)
            let published = try await visitor.get("/statistics")
            #expect(published.status == .ok && published.body.contains("<svg role=\"img\"") && published.body.contains("id=\"t4\""))
            let counts = try await Self.counts(visitor, tables: 4)
            #expect(counts["1:total"] == 9, "the restricted incident is not counted")
            #expect(counts["1:2020"] == .some(nil) && counts["1:2021"] == .some(nil), "2020 is small, and 2021 would follow from the total")
            #expect(counts["2:freedom_of_expression"] == .some(nil) && counts["3:MD"] == .some(nil))
            for (key, value) in counts { #expect(value.map { $0 == 0 || $0 >= 5 } ?? true, "\(key) shows a small count") }
            let csv = try await visitor.get("/statistics?table=1&format=csv")
            #expect(csv.headers.contentType?.subType == "csv" && csv.body.hasPrefix("\u{FEFF}year,label,count\r\n"))
            #expect(csv.body.contains("\r\n2020,2020,<5\r\n") && csv.body.contains("\r\ntotal,Total,9\r\n"))

            for index in 0..<4 {
                let fields = incidentFields(
                    title: "Later incident \(index)", victim: ["Kalmo", "Lorvan", "Mesket", "Nuvari"][index], types: ["V1.2"],
                    extra: [("startDate", "2022-02"), ("country", "RU"), ("acts[0][type]", "V1.2")])
                _ = try await recordIncident(admin, fields)
            }
            _ = try await admin.submit("/app/statistics/releases", ["from": "", "to": "", "threshold": "5"])
            let second = try await admin.get("/app/statistics/releases/2")
            #expect(second.body.contains("Changes since release 1") && second.body.contains("Approve and publish"))
            #expect(second.body.contains("Incidents by Year — 2022: — → &lt;5") || second.body.contains("Incidents by Year — 2022: — → x"))
            #expect(second.body.contains("Incidents by Year — Total") == false)
            _ = try await admin.submit("/app/statistics/releases/2/approve", [:])
            #expect(try await Self.counts(visitor, tables: 1)["1:total"] == 13)
            #expect(try await visitor.get("/statistics").body.contains("Release 2"))
        }
    }

    @Test("a release's four tables share one threshold and total, and no hidden count is kept in them")
    func together() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            try await StatisticsTests.record(admin)
            let statistics = haven.app.haven.statistics
            let tables = try await statistics.release(StatisticsReleases.layouts, filter: IncidentFilter(), threshold: 5, on: haven.db)
            #expect(tables.count == 4 && tables.allSatisfy { $0.threshold == 5 && $0.total.count == 9 })
            let hidden = tables.flatMap { $0.cells.flatMap { $0 } + $0.rowTotals + $0.columnTotals }.filter(\.status.isHidden)
            #expect(!hidden.isEmpty && hidden.allSatisfy { $0.count == nil }, "a hidden count is never kept")
        }
    }
}
