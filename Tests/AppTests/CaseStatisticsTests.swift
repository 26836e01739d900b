import Foundation
import HavenDomain
import Testing

@testable import App

@Suite("Case statistics")
struct CaseStatisticsTests {
    @Test(
        "only cases that consented to anonymous statistics are counted: needs, risk, days to close, costs by budget line and currency; protected hides what rests on few cases",
        arguments: TestDatabase.all)
    func consenting(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            var codes: [String] = []
            for index in 0..<6 { codes.append(try await openCase(admin, pseudonym: "Client \(index)")) }
            let refused = try await admin.submit(
                "/app/cases",
                ["pseudonym": "No consent", "needs[]": "shelter", "risk": "low", "consentsToServices": "yes", "firstNote": "x"])
            let refusedCode = String((refused.location ?? "").dropFirst("/app/cases/".count))
            for code in codes.prefix(2) {
                _ = try await admin.submit("/app/cases/\(code)/status", ["status": "open", "reason": ""])
                #expect(
                    try await admin.submit("/app/cases/\(code)/status", ["status": "closed", "reason": "resolved"]).status == .seeOther)
            }
            for (code, amount) in [(codes[0], "1200"), (codes[0], "300.50"), (refusedCode, "999")] {
                _ = try await admin.submit(
                    "/app/cases/\(code)/services",
                    [
                        "need": "legal_consultation", "provider": "Lawyer", "status": "in_progress", "amount": amount, "currency": "MDL",
                        "budgetLine": "legal_aid",
                    ])
            }
            let figures = try await haven.app.haven.caseStatistics.figures(protected: false, on: haven.db)
            let needs = figures.tables[0]
            #expect(needs.rows == ["legal_consultation"] && needs.total.count == 6, "the case without consent is not read")
            #expect(figures.tables[3].rows == ["high"] && figures.tables[2].rows == ["resolved", "none"])
            #expect(figures.durations == .init(cases: 2, median: 0, ninetieth: 0))
            #expect(
                figures.costs.map(\.minorUnits) == [150_050] && figures.costs.map(\.cases) == [1], "the refusing case's 999 is left out")

            let page = try await admin.get("/app/statistics/cases")
            #expect(page.status == .ok && page.body.contains(Money(minorUnits: 150_050, currency: "MDL").description))
            #expect(!page.body.contains("Shelter") && !page.body.contains("Low"))
            let shown = try await admin.get("/app/statistics/cases?protected=yes")
            #expect(!shown.body.contains(Money(minorUnits: 150_050, currency: "MDL").description) && shown.body.contains("&lt;5"))
            let protected = try await haven.app.haven.caseStatistics.figures(protected: true, on: haven.db)
            #expect(protected.durations.median == nil && protected.costs.first?.minorUnits == nil)
            #expect(protected.tables[2].rowTotals.allSatisfy { $0.count == nil }, "2 resolved and 4 open: both small or derivable")

            _ = try await haven.addUser(email: "cw@example.org", role: .caseworker, by: admin)
            _ = try await haven.addUser(email: "doc@example.org", role: .documenter, by: admin)
            for email in ["cw@example.org", "doc@example.org"] {
                #expect(try await haven.signedInBrowser(email: email).get("/app/statistics/cases").status == .forbidden)
            }
        }
    }

    @Test("nearest-rank percentiles are observed values")
    func percentiles() {
        #expect(Percentile.nearestRank([], percent: 50) == nil)
        #expect(Percentile.nearestRank([7], percent: 90) == 7)
        #expect(Percentile.nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], percent: 50) == 5)
        #expect(Percentile.nearestRank([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], percent: 90) == 9)
        #expect(Percentile.nearestRank([3, 1, 2], percent: 100) == 3)
    }
}
