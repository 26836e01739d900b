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

@Suite("Tasks and services after the fact")
struct CaseCorrectionTests {
    @Test("tasks are edited and removed, services change status and cost or go; the case sums its costs by currency and budget line")
    func tasksAndServices() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await openCase(admin)
            _ = try await admin.submit("/app/cases/\(code)/tasks", ["title": "Call the lawyer", "dueOn": "2031-01-10"])
            _ = try await admin.submit("/app/cases/\(code)/tasks", ["title": "Book a room", "dueOn": "2031-01-12"])
            for (provider, amount, line) in [
                ("Lawyer A", "1200", "legal_aid"), ("Lawyer B", "300.50", "legal_aid"), ("Shelter C", "80", ""),
            ] {
                _ = try await admin.submit(
                    "/app/cases/\(code)/services",
                    [
                        "need": "legal_consultation", "provider": provider, "status": "in_progress", "amount": amount, "currency": "MDL",
                        "budgetLine": line,
                    ])
            }
            let tasks = try await CaseTask.query(on: haven.db).sort(\.$dueOn).all()
            let edited = try await admin.submit(
                "/app/cases/\(code)/tasks/edit",
                ["task": try tasks[0].requireID().uuidString, "title": "Call the new lawyer", "dueOn": "2031-02-01"])
            #expect(edited.status == .seeOther)
            #expect(
                try await admin.submit("/app/cases/\(code)/tasks/remove", ["task": try tasks[1].requireID().uuidString]).status == .seeOther
            )
            let services = try await CaseService.query(on: haven.db).all()
            let lawyerB = try #require(services.first { $0.costMinorUnits == 30_050 })
            let shelter = try #require(services.first { $0.costMinorUnits == 8_000 })
            let delivered = try await admin.submit(
                "/app/cases/\(code)/services/change",
                [
                    "service": try lawyerB.requireID().uuidString, "status": "delivered", "amount": "350", "currency": "MDL",
                    "budgetLine": "legal_aid",
                ])
            #expect(delivered.status == .seeOther)
            #expect(
                try await admin.submit("/app/cases/\(code)/services/remove", ["service": try shelter.requireID().uuidString]).status
                    == .seeOther)
            let page = try await admin.get("/app/cases/\(code)")
            #expect(page.body.contains("Call the new lawyer") && page.body.contains("2031-02-01") && !page.body.contains("Book a room"))
            #expect(page.body.contains("1550.00 MDL — "), "1,200 + 350 on the legal aid line")
            #expect(!page.body.contains("80.00 MDL"))
            #expect(
                page.body.contains("edited a task") && page.body.contains("removed a task")
                    && page.body.contains("updated a service: status, cost"))
            #expect(page.body.contains("removed a service"))
            let actions = try await AuditEntry.query(on: haven.db).all().map(\.action)
            for action in ["case.task.update", "case.task.remove", "case.service.update", "case.service.remove"] {
                #expect(actions.contains(action))
            }
            #expect(
                try await CaseTask.query(on: haven.db).all().allSatisfy {
                    !String(decoding: $0.titleSealed, as: UTF8.self).contains("lawyer")
                })
        }
    }

    @Test("closing a case with open tasks asks what to do with them; another case's task, a forged form or no key change nothing")
    func closingAndRefusals() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await openCase(admin)
            let other = try await openCase(admin, pseudonym: "Client B")
            _ = try await admin.submit("/app/cases/\(other)/tasks", ["title": "Other case's task", "dueOn": "2031-01-10"])
            _ = try await admin.submit("/app/cases/\(code)/tasks", ["title": "Open task", "dueOn": "2031-01-10"])
            _ = try await admin.submit("/app/cases/\(code)/status", ["status": "open", "reason": ""])
            let asked = try await admin.submit("/app/cases/\(code)/status", ["status": "closed", "reason": "resolved"])
            #expect(
                asked.status == .unprocessableEntity && asked.body.contains("This case has open tasks")
                    && asked.body.contains("name=\"openTasks\""))
            let record = try #require(try await Case.query(on: haven.db).filter(\.$code == code).first())
            #expect(record.status != .closed)
            let closed = try await admin.submit(
                "/app/cases/\(code)/status", ["status": "closed", "reason": "resolved", "openTasks": "done"])
            #expect(closed.status == .seeOther)
            let caseID = try record.requireID()
            #expect(try await CaseTask.query(on: haven.db).filter(\.$caseFile.$id == caseID).all().allSatisfy(\.isDone))

            let otherTask = try #require(try await CaseTask.query(on: haven.db).filter(\.$isDone == false).first())
            #expect(
                try await admin.submit("/app/cases/\(code)/tasks/remove", ["task": try otherTask.requireID().uuidString]).status
                    == .notFound,
                "a task of another case is not found through this one")
            #expect(
                try await admin.submit("/app/cases/\(other)/tasks/remove", ["task": try otherTask.requireID().uuidString], csrf: .some(nil))
                    .status == .forbidden)
            _ = try await haven.addUser(email: "case@example.org", role: .caseworker, by: admin)
            let caseworker = try await haven.signedInBrowser(email: "case@example.org")
            #expect(
                try await caseworker.submit("/app/cases/\(other)/tasks/remove", ["task": try otherTask.requireID().uuidString]).status
                    == .forbidden)
            #expect(try await CaseTask.query(on: haven.db).filter(\.$isDone == false).count() == 1)
        }
    }
}
