import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

/// The inbox stays usable under a flood of junk: pages, filters, and deletion of everything a filter matches.
@Suite("Inbox under junk")
struct InboxListTests {
    /// How many report rows a list page shows.
    static func rows(_ page: Browser.Page) -> Int {
        page.body.components(separatedBy: "name=\"reports[]\"").count - 1
    }

    @Test(
        "sixty reports come 25 to a page with working page links; unread, kind and day filters narrow the list and its total",
        arguments: TestDatabase.all)
    func pagesAndFilters(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            for number in 0..<60 {
                try await haven.submitReport(ReportSubmission(kind: number % 3 == 0 ? .help : .other, narrative: "Report number \(number)"))
            }
            let first = try await admin.get("/app/inbox")
            #expect(first.status == .ok && Self.rows(first) == 25 && first.body.contains("60"))
            let next = try #require(first.firstMatch(#"<a href="([^"]+)" rel="next">"#)?.replacingOccurrences(of: "&amp;", with: "&"))
            let second = try await admin.get(next)
            #expect(Self.rows(second) == 25 && !second.body.contains("Report number 59"))
            let third = try await admin.get("/app/inbox?page=3")
            #expect(Self.rows(third) == 10 && !third.body.contains("rel=\"next\""))
            #expect(Self.rows(try await admin.get("/app/inbox?page=99999999999999999999")) == 10, "a page past the end shows the last")

            let help = try await admin.get("/app/inbox?kind=help")
            #expect(Self.rows(help) == 20 && !help.body.contains("Report number 1<"))
            let opened = try #require(try await Report.query(on: haven.db).filter(\.$kind == .help).first()).requireID()
            _ = try await admin.get("/app/inbox/\(opened)")
            #expect(try await admin.get("/app/inbox?unread=yes&kind=help").body.contains("19"))
            let today = Day.today()
            #expect(Self.rows(try await admin.get("/app/inbox?from=\(today)&to=\(today)")) == 25)
            #expect(Self.rows(try await admin.get("/app/inbox?to=2001-01-01")) == 0)
        }
    }

    @Test("deleting as junk by filter removes every matching report sealed to this staff member and nothing else; no filter, no deletion")
    func junkByFilter() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            for number in 0..<40 {
                try await haven.submitReport(ReportSubmission(kind: number < 30 ? .other : .help, narrative: "Flood \(number)"))
            }
            let list = try await admin.get("/app/inbox?kind=other")
            #expect(list.body.contains("name=\"byFilter\" value=\"yes\"") && list.body.contains("(30)"))
            #expect(try await admin.submit("/app/inbox/junk", ["byFilter": "yes"]).status == .badRequest)
            #expect(try await Report.query(on: haven.db).count() == 40)
            #expect(try await admin.submit("/app/inbox/junk", ["byFilter": "yes", "kind": "other"], csrf: .some(nil)).status == .forbidden)
            #expect(try await admin.submit("/app/inbox/junk", ["byFilter": "yes", "kind": "other"]).status == .seeOther)
            let left = try await Report.query(on: haven.db).all()
            #expect(left.count == 10 && left.allSatisfy { $0.kind == .help })
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "report.junk").count() == 30)
            #expect(
                try await KeyGrant.query(on: haven.db).filter(\.$recordTable == RecordKind.report.table).count() == 20,
                "the ten reports left keep their two copies (administrator and recovery key); the rest are gone")
        }
    }
}
