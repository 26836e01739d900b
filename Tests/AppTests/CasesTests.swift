import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Cases")
struct CasesTests {
    @Test("a case is readable only by the staff it is sealed to; giving and removing access works", arguments: TestDatabase.all)
    func access(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "ana@example.org", role: .caseworker, by: admin)
            _ = try await haven.addUser(email: "ion@example.org", role: .caseworker, by: admin)
            _ = try await haven.addUser(email: "eva@example.org", role: .editor, by: admin)
            let ana = try await haven.signedInBrowser(email: "ana@example.org")
            let ion = try await haven.signedInBrowser(email: "ion@example.org")
            let code = try await openCase(ana)

            let page = try await ana.get("/app/cases/\(code)")
            #expect(page.status == .ok && page.body.contains("Arman") && page.body.contains("Needs a lawyer for Tuesday"))
            #expect(try await ana.get("/app/cases").body.contains(code))

            let denied = try await ion.get("/app/cases/\(code)")
            #expect(denied.status == .forbidden && !denied.body.contains("Arman"))
            #expect(!(try await ion.get("/app/cases")).body.contains(code))
            #expect(try await ion.submit("/app/cases/\(code)/notes", ["body": "sneaky"]).status == .forbidden)
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "case.read.denied").count() == 2)

            let eva = try await haven.signedInBrowser(email: "eva@example.org")
            #expect(try await eva.get("/app/cases/new").status == .forbidden)

            let ionID = try #require(
                try await User.find(on: haven.db, emailLookup: haven.app.haven.lookupKey.emailLookup("ion@example.org"))?.requireID())
            let evaID = try #require(
                try await User.find(on: haven.db, emailLookup: haven.app.haven.lookupKey.emailLookup("eva@example.org"))?.requireID())
            let offered = try await ana.get("/app/cases/\(code)")
            #expect(
                offered.body.contains("value=\"\(ionID.uuidString)\"") && !offered.body.contains("value=\"\(evaID.uuidString)\""),
                "the list offers case roles only")
            // No e-mail address can be tried, and a role that may not hold cases (an editor) is refused.
            for refused in [["colleague": UUID().uuidString], ["email": "ion@example.org"], ["colleague": evaID.uuidString]] {
                let page = try await ana.submit("/app/cases/\(code)/assign", refused)
                #expect(page.status == .unprocessableEntity && page.body.contains("assignee-error"))
            }
            #expect(try await eva.get("/app/cases/\(code)").status == .forbidden)
            #expect(try await ana.submit("/app/cases/\(code)/assign", ["colleague": ionID.uuidString]).status == .seeOther)
            #expect(try await ion.get("/app/cases/\(code)").body.contains("Arman"))

            #expect(try await ana.submit("/app/cases/\(code)/unassign", ["holder": ionID.uuidString]).status == .seeOther)
            #expect(try await ion.get("/app/cases/\(code)").status == .forbidden)
            let anaID = try #require(
                try await User.find(on: haven.db, emailLookup: haven.app.haven.lookupKey.emailLookup("ana@example.org"))?.requireID())
            #expect(try await ana.submit("/app/cases/\(code)/unassign", ["holder": anaID.uuidString]).status == .conflict)

            let timeline = try await ana.get("/app/cases/\(code)")
            #expect(timeline.body.contains("gave access to") && timeline.body.contains("removed access of"))
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "case.read").count() >= 4)
            #expect(try await AuditLog.verify(on: haven.db) == nil)
        }
    }

    @Test("the workflow refuses illegal changes with a reason and keeps the case as it was", arguments: TestDatabase.all)
    func workflow(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await openCase(admin)
            #expect(try await admin.submit("/app/cases/\(code)/status", ["status": "open", "reason": ""]).status == .seeOther)
            let noReason = try await admin.submit("/app/cases/\(code)/status", ["status": "closed", "reason": ""])
            #expect(noReason.status == .unprocessableEntity && noReason.body.contains("Closing needs a reason."))
            #expect(try await admin.submit("/app/cases/\(code)/status", ["status": "closed", "reason": "resolved"]).status == .seeOther)
            let waiting = try await admin.submit("/app/cases/\(code)/status", ["status": "waiting", "reason": ""])
            #expect(waiting.status == .unprocessableEntity && waiting.body.contains("must be reopened first"))
            let record = try #require(try await Case.find(on: haven.db, code: code))
            #expect(record.status == .closed && record.closingReason == .resolved)
            #expect(try await admin.submit("/app/cases/\(code)/status", ["status": "open", "reason": ""]).status == .seeOther)
            let reopened = try #require(try await Case.find(on: haven.db, code: code))
            #expect(reopened.status == .open && reopened.closingReason == nil)

            let empty = try await admin.submit("/app/cases/\(code)/notes", ["body": " "])
            #expect(empty.status == .unprocessableEntity)
            let counts = try await admin.get("/app/cases?status=open")
            #expect(counts.body.contains("All cases by status") && counts.body.contains(code))
            #expect(try await admin.get("/app/cases?code=\(code.lowercased())").location == "/app/cases/\(code)")
            #expect(try await admin.get("/app/cases?code=C-ZZZZZZ").status == .notFound)
        }
    }

    @Test("a form with a missing pseudonym comes back with everything typed")
    func validation() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let page = try await admin.submit(
                "/app/cases",
                [
                    "pseudonym": " ", "name": "Bekzat", "needs[]": "shelter", "risk": "critical",
                    "consentsToSharing": "yes", "firstNote": "kept note",
                ])
            #expect(page.status == .unprocessableEntity && page.body.contains("id=\"pseudonym-error\""))
            #expect(page.body.contains("value=\"Bekzat\"") && page.body.contains(">kept note</textarea>"))
            #expect(page.body.contains("value=\"shelter\" checked") && page.body.contains("value=\"critical\" selected"))
            #expect(try await Case.query(on: haven.db).count() == 0)
        }
    }

    @Test(
        "triage: a case opened from a report carries its needs and contact; requester, notes, task titles and providers are sealed at rest")
    func fromReport() async throws {
        try await withHaven(file: true) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            try await haven.submitReport(
                ReportSubmission(
                    kind: .help, narrative: "MARKER-TRIAGE-NARRATIVE", contact: "MARKER-TRIAGE-CONTACT",
                    needs: [.shelter, .relocationAbroad]), files: [])
            let reportID = try #require(try await Report.query(on: haven.db).first()?.requireID())
            let created = try await admin.submit("/app/inbox/\(reportID)/case", [:])
            #expect(created.status == .seeOther)
            let page = try await admin.follow(created)
            #expect(
                page.body.contains("MARKER-TRIAGE-CONTACT") && page.body.contains("Relocation abroad")
                    && page.body.contains("Anonymous report of"))
            let code = try #require(created.location?.split(separator: "/").last.map(String.init))
            _ = try await admin.submit("/app/cases/\(code)/notes", ["body": "MARKER-CASE-NOTE"])
            #expect(
                try await admin.submit("/app/cases/\(code)/tasks", ["title": "MARKER-TASK-TITLE", "dueOn": "2030-01-01"]).status
                    == .seeOther)
            #expect(
                try await admin.submit(
                    "/app/cases/\(code)/services", ["need": "shelter", "provider": "MARKER-PROVIDER", "status": "planned"]
                ).status == .seeOther)
            _ = try await openCase(admin, pseudonym: "MARKER-PSEUDONYM", name: "MARKER-REQUESTER-NAME", note: "MARKER-FIRST-NOTE")
            let withWork = try await admin.get("/app/cases/\(code)")
            #expect(
                withWork.body.contains("MARKER-TASK-TITLE") && withWork.body.contains("MARKER-PROVIDER")
                    && withWork.body.contains("MARKER-CASE-NOTE"))
            let record = try #require(try await Case.find(on: haven.db, code: code))
            #expect(record.sourceReportID == reportID && record.needList == [.shelter, .relocationAbroad])

            let files =
                FileManager.default.enumerator(at: haven.dataDirectory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where !file.hasDirectoryPath {
                let bytes = try Data(contentsOf: file)
                for marker in [
                    "MARKER-TRIAGE-NARRATIVE", "MARKER-TRIAGE-CONTACT", "MARKER-CASE-NOTE", "MARKER-TASK-TITLE", "MARKER-PROVIDER",
                    "MARKER-PSEUDONYM", "MARKER-REQUESTER-NAME", "MARKER-FIRST-NOTE",
                ] {
                    #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker) in \(file.lastPathComponent)")
                }
            }
        }
    }
}

@Suite("Case tasks, services and erasure")
struct CaseWorkTests {
    @Test("tasks with due days, the overdue view, services with costs, and validation", arguments: TestDatabase.all)
    func tasksAndServices(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await openCase(admin)
            let other = try await openCase(admin, pseudonym: "Client B")
            #expect(
                try await admin.submit("/app/cases/\(code)/tasks", ["title": "Appeal hearing, district court", "dueOn": "2020-06-08"])
                    .status == .seeOther)
            #expect(
                try await admin.submit("/app/cases/\(code)/tasks", ["title": "Visa appointment", "dueOn": "2999-01-01"]).status == .seeOther
            )
            let badDay = try await admin.submit("/app/cases/\(code)/tasks", ["title": "kept title", "dueOn": "2020-02-30"])
            #expect(badDay.status == .unprocessableEntity && badDay.body.contains("value=\"kept title\""))
            let page = try await admin.get("/app/cases/\(code)")
            #expect(page.body.contains("Appeal hearing, district court") && page.body.contains("overdue"))

            let dashboard = try await admin.get("/app")
            #expect(
                dashboard.body.contains("Overdue tasks</a>: <strong>1</strong>")
                    && dashboard.body.contains("Your open cases</a>: <strong>2</strong>"))
            let overdue = try await admin.get("/app/cases?view=overdue")
            #expect(overdue.body.contains(code) && !overdue.body.contains(other))
            #expect(try await admin.get("/app/cases?inactiveDays=1").body.contains("Cases sealed to you"))
            #expect(!(try await admin.get("/app/cases?inactiveDays=1")).body.contains(code))

            let taskID = try #require(page.firstMatch(#"name="task" value="([0-9A-F-]{36})""#))
            #expect(try await admin.submit("/app/cases/\(code)/tasks/done", ["task": taskID]).status == .seeOther)
            #expect(!(try await admin.get("/app/cases?view=overdue")).body.contains(code))
            #expect(try await admin.submit("/app/cases/\(code)/tasks/done", ["task": taskID]).status == .notFound)

            let service = try await admin.submit(
                "/app/cases/\(code)/services",
                [
                    "need": "legal_consultation", "provider": "Lawyer Petrova", "status": "in_progress", "startsOn": "2024-05-01",
                    "endsOn": "", "amount": "1500,50", "currency": "mdl", "budgetLine": "legal",
                ])
            #expect(service.status == .seeOther)
            let withService = try await admin.get("/app/cases/\(code)")
            #expect(
                withService.body.contains("Lawyer Petrova") && withService.body.contains("1500.50 MDL")
                    && withService.body.contains("in progress"))
            let badCost = try await admin.submit(
                "/app/cases/\(code)/services",
                [
                    "need": "legal_consultation", "provider": "X", "status": "planned",
                    "amount": "lots", "currency": "MDL",
                ])
            #expect(badCost.status == .unprocessableEntity)
            let stored = try #require(try await CaseService.query(on: haven.db).first())
            #expect(
                stored.costMinorUnits == 150_050 && stored.costCurrency == "MDL" && !stored.providerSealed.contains(Data("Petrova".utf8)))
        }
    }

    @Test("erasing a closed case keeps anonymous statistics only with consent; an open case cannot be erased")
    func erase() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let consenting = try await openCase(admin)
            _ = try await admin.submit("/app/cases/\(consenting)/tasks", ["title": "Hearing", "dueOn": "2024-01-01"])
            #expect(try await admin.submit("/app/cases/\(consenting)/erase", [:]).status == .unprocessableEntity)
            _ = try await admin.submit("/app/cases/\(consenting)/status", ["status": "closed", "reason": "resolved", "openTasks": "keep"])
            let asked = try await admin.submit("/app/cases/\(consenting)/erase", [:])
            #expect(
                asked.status == .ok && asked.body.contains("This cannot be undone.")
                    && asked.body.contains("needs, dates, outcome and costs stay"))
            #expect(asked.body.contains("name=\"confirm\" value=\"yes\""))
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "case.erase").count() == 0, "asking erases nothing")
            #expect(try await admin.submit("/app/cases/\(consenting)/erase", ["confirm": "yes"]).location == "/app/cases")
            let kept = try #require(try await Case.find(on: haven.db, code: consenting))
            #expect(
                kept.requesterSealed.isEmpty && kept.needList == [.legalConsultation] && kept.status == .closed
                    && kept.closingReason == .resolved)
            #expect(try await CaseNote.query(on: haven.db).count() == 0)
            #expect(try await CaseTask.query(on: haven.db).all().allSatisfy { $0.titleSealed.isEmpty })
            #expect(try await KeyGrant.query(on: haven.db).filter(\.$recordTable == Case.schema).count() == 0)
            #expect(try await admin.get("/app/cases/\(consenting)").status == .forbidden)

            let created = try await admin.submit("/app/cases", ["pseudonym": "No stats", "risk": "low"])
            let refusing = try #require(created.location?.split(separator: "/").last.map(String.init))
            _ = try await admin.submit("/app/cases/\(refusing)/status", ["status": "closed", "reason": "lost_contact"])
            _ = try await admin.submit("/app/cases/\(refusing)/erase", ["confirm": "yes"])
            #expect(try await Case.find(on: haven.db, code: refusing) == nil)
            let actions = try await AuditEntry.query(on: haven.db).all().map(\.action)
            #expect(actions.contains("case.erase") && actions.contains("case.delete"))
            #expect(try await AuditLog.verify(on: haven.db) == nil)
        }
    }

    @Test("case retention erases closed cases past their days, once; it is off by default")
    func retention() async throws {
        #expect(try HavenConfiguration.fromEnvironment([:]).closedCaseRetentionDays == nil)
        try await withHaven(adjust: { $0.closedCaseRetentionDays = 30 }) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let old = try await openCase(admin)
            let recent = try await openCase(admin, pseudonym: "Client B")
            for code in [old, recent] {
                _ = try await admin.submit("/app/cases/\(code)/status", ["status": "closed", "reason": "referred"])
            }
            let record = try #require(try await Case.find(on: haven.db, code: old))
            record.lastActivityAt = Date().addingTimeInterval(-31 * 86_400)
            try await record.save(on: haven.db)
            #expect(try await haven.app.haven.retention.run(on: haven.db) == 1)
            #expect(try await Case.find(on: haven.db, code: old)?.requesterSealed.isEmpty == true)
            #expect(try await Case.find(on: haven.db, code: recent)?.requesterSealed.isEmpty == false)
            #expect(try await haven.app.haven.retention.run(on: haven.db) == 0)
        }
    }
}
