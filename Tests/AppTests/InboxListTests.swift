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
            let asked = try await admin.submit("/app/inbox/junk", ["byFilter": "yes", "kind": "other"])
            #expect(asked.status == .ok && asked.body.contains("30 report(s) will be deleted for good."))
            #expect(asked.body.contains("name=\"kind\" value=\"other\"") && asked.body.contains("name=\"byFilter\" value=\"yes\""))
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "report.junk").count() == 0, "asking deletes nothing")
            #expect(try await admin.submit("/app/inbox/junk", ["byFilter": "yes", "kind": "other", "confirm": "yes"]).status == .seeOther)
            let left = try await Report.query(on: haven.db).all()
            #expect(left.count == 10 && left.allSatisfy { $0.kind == .help })
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "report.junk").count() == 30)
            #expect(
                try await KeyGrant.query(on: haven.db).filter(\.$recordTable == RecordKind.report.table).count() == 20,
                "the ten reports left keep their two copies (administrator and recovery key); the rest are gone")
        }
    }
}

@Suite("Lists that page and say what is new")
struct ListPagingTests {
    @Test("the inbox marks a report the reporter wrote to again, apart from one never opened, and filters those")
    func newMessagesFromReporter() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let (code, visitor) = try await sendReport(haven, narrative: "First report, answered later.")
            _ = try await sendReport(haven, narrative: "Second report, never opened.")
            let inbox = try await admin.get("/app/inbox")
            let ids = TemplateTests.matches(#"href="/app/inbox/([0-9A-F-]{36})""#, in: inbox.body)
            for id in Set(ids) { _ = try await admin.get("/app/inbox/\(id)") }
            _ = try await sendReport(haven, narrative: "Third report, new.")
            let reply = try await visitor.submitMultipart("/report/follow-up/reply", [("code", code), ("message", "I have more to say.")])
            #expect(reply.status == .ok)
            let marked = try await admin.get("/app/inbox")
            #expect(marked.body.components(separatedBy: "<strong>New message</strong>").count == 2)
            #expect(marked.body.components(separatedBy: "<strong>New:</strong>").count == 2, "the third report: unread, no message")
            let filtered = try await admin.get("/app/inbox?newMessages=yes")
            #expect(filtered.body.contains("First report, answered later.") && !filtered.body.contains("Third report, new."))
            #expect(!filtered.body.contains("Second report, never opened.") && filtered.body.contains("In total 1 "))
        }
    }

    @Test("staff publications page fifty at a time, with the total, filters by status and kind, and links that keep them")
    func publicationsPage() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            for index in 0..<55 {
                _ = try await writePublication(
                    admin, publicationFields(title: "Item \(index)", kind: index < 52 ? "news" : "statement"), publish: false)
            }
            let first = try await admin.get("/app/publications")
            #expect(first.body.contains("In total 55 ") && first.body.contains("Page 1 / 2") && first.body.contains("rel=\"next\""))
            let second = try await admin.get("/app/publications?page=2")
            #expect(second.body.components(separatedBy: "<tr><td data-label").count - 1 == 5)
            let news = try await admin.get("/app/publications?kind=news&status=draft")
            #expect(news.body.contains("In total 52 ") && news.body.contains("kind=news") && news.body.contains("page=2"))
            #expect(try await admin.get("/app/publications?kind=statement").body.contains("In total 3 "))
        }
    }
}
