import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Nothing goes unnoticed")
struct NotificationTests {
    /// The count beside the dashboard link, or nil when none is shown.
    static func navCount(_ page: Browser.Page) -> Int? {
        page.firstMatch(#"<span class="count">(\d+)<span"#).flatMap { Int($0) }
    }

    @Test(
        "new reports, cases given, tasks falling due, hearings soon and publications in review show in the navigation and on the dashboard, each to the role that acts on it"
    )
    func waiting() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let caseworkerID = try await haven.addUser(email: "cw@example.org", role: .caseworker, by: admin)
            _ = try await haven.addUser(email: "other@example.org", role: .caseworker, by: admin)
            _ = try await haven.addUser(email: "doc@example.org", role: .documenter, by: admin)
            _ = try await haven.addUser(email: "ed@example.org", role: .editor, by: admin)
            let caseworker = try await haven.signedInBrowser(email: "cw@example.org")
            let other = try await haven.signedInBrowser(email: "other@example.org")
            let documenter = try await haven.signedInBrowser(email: "doc@example.org")
            let editor = try await haven.signedInBrowser(email: "ed@example.org")
            for browser in [admin, caseworker, documenter, editor] {
                let page = try await browser.get("/app")
                #expect(Self.navCount(page) == nil && page.body.contains("Nothing new is waiting."))
            }

            _ = try await sendReport(haven, narrative: "Please call me back")
            let withReport = try await admin.get("/app")
            #expect(Self.navCount(withReport) == 1 && withReport.body.contains("href=\"/app/inbox?unread=yes\""))
            #expect(Self.navCount(try await caseworker.get("/app")) == nil, "a caseworker gets no reports")

            let code = try await openCase(admin, pseudonym: "Given away")
            _ = try await admin.submit("/app/cases/\(code)/assign", ["colleague": caseworkerID.uuidString])
            let given = try await caseworker.get("/app")
            #expect(Self.navCount(given) == 1 && given.body.contains("href=\"/app/cases/\(code)\""))
            #expect(given.body.contains("Cases given to you"))
            #expect(Self.navCount(try await other.get("/app")) == nil, "another caseworker's case")
            _ = try await caseworker.get("/app/cases/\(code)")
            #expect(Self.navCount(try await caseworker.get("/app")) == nil, "opened: no longer new")

            let tomorrow = Day.today(Date().addingTimeInterval(86_400))
            let later = Day.today(Date().addingTimeInterval(30 * 86_400))
            _ = try await caseworker.submit("/app/cases/\(code)/tasks", ["title": "Call the lawyer", "dueOn": tomorrow])
            _ = try await caseworker.submit("/app/cases/\(code)/tasks", ["title": "Renew the visa", "dueOn": later])
            let due = try await caseworker.get("/app")
            #expect(Self.navCount(due) == 1 && due.body.contains("Tasks overdue or due"))
            #expect(Self.navCount(try await other.get("/app")) == nil)

            let incident = try await recordIncident(documenter)
            _ = try await documenter.submit(
                "/app/incidents/\(incident)/proceedings", ["court": "District court", "stage": "first_instance", "penalty": "none"])
            let id = try #require(try await documenter.get("/app/incidents/\(incident)").firstMatch(#"/proceedings/([0-9A-F-]{36})/edit"#))
            _ = try await documenter.submit(
                "/app/incidents/\(incident)/proceedings/\(id)/hearings", ["day": Day.today(Date().addingTimeInterval(3 * 86_400))])
            _ = try await documenter.submit("/app/incidents/\(incident)/proceedings/\(id)/hearings", ["day": later])
            let hearing = try await documenter.get("/app")
            #expect(Self.navCount(hearing) == 1 && hearing.body.contains("href=\"/app/hearings\""))
            #expect(Self.navCount(try await editor.get("/app")) == nil, "editors do not read documentation")

            let slug = try await writePublication(admin, publish: false)
            _ = try await admin.submit("/app/publications/\(slug)/status", ["status": "in_review", "publishAt": ""])
            let review = try await editor.get("/app")
            #expect(Self.navCount(review) == 1 && review.body.contains("Publications waiting for review"))
            #expect(Self.navCount(try await caseworker.get("/app")) == 2, "the task and the hearing; a caseworker is not asked to review")
            #expect(
                Self.navCount(try await admin.get("/app")) == 4, "the report, the task of a case they hold, the hearing, the publication")
        }
    }
}
