import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Correcting a case")
struct CaseEditTests {
    @Test(
        "every detail of a case can be corrected, sealed anew, in the timeline by field name; a case from a report gets its consent to statistics"
    )
    func correctEveryField() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await sendReport(haven, narrative: "Please help me find a lawyer.")
            let inbox = try await admin.get("/app/inbox")
            let reportID = try #require(inbox.firstMatch(#"href="/app/inbox/([0-9A-F-]{36})""#))
            let created = try await admin.submit("/app/inbox/\(reportID)/case", [:])
            let code = String(try #require(created.location).dropFirst("/app/cases/".count))
            let form = try await admin.get("/app/cases/\(code)/edit")
            #expect(
                form.status == .ok && form.body.contains("action=\"/app/cases/\(code)/edit\"") && !form.body.contains("name=\"firstNote\""))
            #expect(
                !form.body.contains("id=\"consentsToStatistics\" name=\"consentsToStatistics\" type=\"checkbox\" value=\"yes\" checked"))

            let saved = try await admin.submit(
                "/app/cases/\(code)/edit",
                [
                    "pseudonym": "MARKER-PSEUDONYM", "name": "MARKER-REQUESTER-NAME", "contact": "MARKER-CONTACT",
                    "notes": "Prefers Signal",
                    "needs[]": "legal_consultation", "risk": "critical", "consentsToServices": "yes", "consentsToStatistics": "yes",
                ])
            #expect(saved.status == .seeOther && saved.location == "/app/cases/\(code)")
            let page = try await admin.follow(saved)
            #expect(
                page.body.contains("MARKER-PSEUDONYM") && page.body.contains("MARKER-CONTACT")
                    && page.body.contains("The case was corrected."))
            #expect(page.body.contains("corrected pseudonym, name, contact, notes on the requester"))
            #expect(page.body.contains("risk, consent to services, consent to anonymous statistics"))
            let record = try #require(try await Case.query(on: haven.db).filter(\.$code == code).first())
            #expect(record.consentsToStatistics && record.risk == .critical && record.needList == [.legalConsultation])
            #expect(!String(decoding: record.requesterSealed, as: UTF8.self).contains("MARKER"), "the requester stays sealed")
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "case.update").count() == 1)

            let again = try await admin.submit(
                "/app/cases/\(code)/edit",
                [
                    "pseudonym": "MARKER-PSEUDONYM", "name": "MARKER-REQUESTER-NAME", "contact": "MARKER-CONTACT",
                    "notes": "Prefers Signal",
                    "needs[]": "legal_consultation", "risk": "critical", "consentsToServices": "yes", "consentsToStatistics": "yes",
                ])
            #expect(try await admin.follow(again).body.contains("Nothing was changed."))
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "case.update").count() == 1)
        }
    }

    @Test("a correction with problems comes back as typed and changes nothing; without the token, the key or a case role it is refused")
    func refusals() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await openCase(admin)
            let before = try #require(try await Case.query(on: haven.db).first()).requesterSealed
            let invalid = try await admin.submit("/app/cases/\(code)/edit", ["pseudonym": " ", "contact": "Typed contact", "risk": "high"])
            #expect(invalid.status == .unprocessableEntity && invalid.body.contains("value=\"Typed contact\""))
            #expect(invalid.body.contains("aria-describedby=\"pseudonym-error\""))
            let forged = try await admin.submit("/app/cases/\(code)/edit", ["pseudonym": "Forged", "risk": "low"], csrf: .some(nil))
            #expect(forged.status == .forbidden)
            _ = try await haven.addUser(email: "other@example.org", role: .caseworker, by: admin)
            let other = try await haven.signedInBrowser(email: "other@example.org")
            #expect(try await other.get("/app/cases/\(code)/edit").status == .forbidden)
            #expect(try await other.submit("/app/cases/\(code)/edit", ["pseudonym": "Other's", "risk": "low"]).status == .forbidden)
            _ = try await haven.addUser(email: "documenter@example.org", role: .documenter, by: admin)
            let documenter = try await haven.signedInBrowser(email: "documenter@example.org")
            #expect(try await documenter.submit("/app/cases/\(code)/edit", ["pseudonym": "Doc's", "risk": "low"]).status == .forbidden)
            #expect(try #require(try await Case.query(on: haven.db).first()).requesterSealed == before, "nothing changed")
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "case.update").count() == 0)
        }
    }
}
