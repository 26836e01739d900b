import Fluent
import Foundation
import HavenDomain
import HavenVault
import Testing
import Vapor

@testable import App

@Suite("Anonymous intake")
struct IntakeTests {
    @Test("report with a file → receipt → staff reads and replies → reporter reads the reply with the code", arguments: TestDatabase.all)
    func fullFlow(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "coord@example.org", role: .coordinator, by: admin)
            let photo = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 31) })
            let (code, visitor) = try await sendReport(
                haven, narrative: "They took my phone at the station.\nI need a lawyer.",
                contact: "signal: @safe_contact", files: [("attachments[]", "photo.jpg", photo)])

            let coordinator = try await haven.signedInBrowser(email: "coord@example.org")
            #expect(try await coordinator.get("/app").body.contains("Unread reports</a>: <strong>1</strong>"))
            let inbox = try await coordinator.get("/app/inbox")
            #expect(
                inbox.status == .ok && inbox.body.contains("They took my phone at the station.") && inbox.body.contains("class=\"unread\""))
            let reportID = try #require(inbox.firstMatch(#"href="/app/inbox/([0-9A-F-]{36})""#))
            let opened = try await coordinator.get("/app/inbox/\(reportID)")
            #expect(
                opened.body.contains("signal: @safe_contact") && opened.body.contains("Chișinău")
                    && opened.body.contains("Shelter or temporary housing"))
            let attachmentPath = try #require(opened.firstMatch(#"href="(/app/inbox/[0-9A-F-]{36}/attachments/[0-9A-F-]{36})""#))
            let download = try await coordinator.get(attachmentPath)
            #expect(download.status == .ok && download.bytes == photo)
            #expect(!(try await coordinator.get("/app/inbox")).body.contains("class=\"unread\""))

            let empty = try await coordinator.submit("/app/inbox/\(reportID)/reply", ["message": "  "])
            #expect(empty.status == .unprocessableEntity)
            let replied = try await coordinator.submit(
                "/app/inbox/\(reportID)/reply", ["message": "We can help. A lawyer will write to you."])
            #expect(replied.status == .seeOther)

            let thread = try await visitor.submitMultipart("/report/follow-up", [("code", code.lowercased())])
            #expect(thread.status == .ok && thread.body.contains("We can help. A lawyer will write to you."))
            #expect(thread.body.contains("photo.jpg") && !thread.body.contains("/attachments/"))
            let answer = try await visitor.submitMultipart(
                "/report/follow-up/reply", [("code", code), ("message", "Thank you. Tuesday is fine.")])
            #expect(answer.status == .ok && answer.body.contains("Thank you. Tuesday is fine."))
            #expect(try await coordinator.get("/app/inbox").body.contains("class=\"unread\""))
            #expect(try await coordinator.get("/app/inbox/\(reportID)").body.contains("Thank you. Tuesday is fine."))

            let triaged = try await coordinator.submit("/app/inbox/\(reportID)/case", [:])
            #expect(triaged.status == .seeOther)
            let casePage = try await coordinator.follow(triaged)
            #expect(casePage.body.contains("signal: @safe_contact") && casePage.body.contains("Shelter or temporary housing"))
            let caseRecord = try #require(try await Case.query(on: haven.db).first())
            #expect(caseRecord.sourceReportID?.uuidString == reportID && caseRecord.needList == [.shelter, .legalConsultation])

            let actions = try await AuditEntry.query(on: haven.db).all().map(\.action)
            #expect(actions.contains("report.submit") && actions.contains("report.read") && actions.contains("report.attachment.download"))
            #expect(try await AuditLog.verify(on: haven.db) == nil)
        }
    }

    @Test("wrong and guessed codes get one generic answer, then a rate limit")
    func wrongCodes() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let (code, _) = try await sendReport(haven, narrative: "Something happened.")
            let guesser = haven.browser()
            _ = try await guesser.get("/report/follow-up")
            var bodies = Set<String>()
            for guess in [HumanCode.random().description, String(code.dropLast()) + (code.hasSuffix("0") ? "1" : "0"), "", "1234"] {
                let page = try await guesser.submitMultipart("/report/follow-up", [("code", guess)])
                #expect(page.status == .unprocessableEntity)
                #expect(!page.body.contains("Something happened."))
                bodies.insert(page.body.replacingOccurrences(of: #"value="[^"]*""#, with: "", options: .regularExpression))
            }
            #expect(bodies.count == 1)
            var last = HTTPResponseStatus.ok
            for _ in 0..<10 {
                last = try await guesser.submitMultipart("/report/follow-up", [("code", HumanCode.random().description)]).status
            }
            #expect(last == .tooManyRequests)
        }
    }

    @Test("bad input comes back with the text kept and nothing stored")
    func badInput() async throws {
        try await withHaven(adjust: {
            $0.maximumAttachmentBytes = 1_000
            $0.maximumAttachments = 2
        }) { haven in
            try await haven.setUp()
            let visitor = haven.browser()
            _ = try await visitor.get("/report/violation")
            let cases: [(fields: [(String, String)], files: [(field: String, name: String, data: Data)], error: String)] = [
                ([("narrative", "   "), ("city", "Bălți")], [], "narrative-error"),
                ([("narrative", "kept text"), ("city", String(repeating: "x", count: 201))], [], "city-error"),
                ([("narrative", "kept text")], [("attachments[]", "big.bin", Data(count: 1_001))], "files-error"),
                ([("narrative", "kept text")], (0..<3).map { ("attachments[]", "f\($0).txt", Data("x".utf8)) }, "files-error"),
                ([("narrative", "kept text")], [("attachments[]", "empty.txt", Data())], "files-error"),
            ]
            for item in cases {
                let page = try await visitor.submitMultipart("/report/violation", item.fields, files: item.files)
                #expect(page.status == .unprocessableEntity)
                #expect(page.body.contains("id=\"\(item.error)\""))
                let kept = item.fields.map(\.1).first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
                #expect(page.body.contains(">\(kept)<") || page.body.contains("value=\"\(kept)\""), "\(kept) not kept")
            }
            #expect(try await Report.query(on: haven.db).count() == 0)
            let files =
                (try? FileManager.default.contentsOfDirectory(atPath: haven.dataDirectory.appendingPathComponent("files").path)) ?? []
            #expect(files.isEmpty)
            #expect(
                try await visitor.submitMultipart("/report/violation", [("narrative", "no token")], csrf: .some(nil)).status
                    == .unprocessableEntity)
            #expect(try await visitor.get("/report/unknown-kind").status == .notFound)
            #expect(try await Report.query(on: haven.db).count() == 0)
        }
    }

    @Test("a form sent after its session expired comes back with the text kept and a fresh token; nothing is stored until resent")
    func expiredSession() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let visitor = haven.browser()
            let form = try await visitor.get("/report/help")
            visitor.setCookie(Request.sessionCookieName, nil)
            let long = "I wrote this for an hour. Ничего не должно потеряться. Nu trebuie să se piardă nimic."
            // The page stayed open while its session expired: the form still carries the old session's token.
            let expired = try await visitor.submitMultipart(
                "/report/help", [("narrative", long), ("city", "Bălți"), ("needs[]", "shelter")],
                csrf: .some(form.csrfToken))
            #expect(expired.status == .unprocessableEntity && expired.body.contains("Nothing was lost"))
            #expect(
                expired.body.contains(">\(long)</textarea>") && expired.body.contains("value=\"Bălți\"")
                    && expired.body.contains("value=\"shelter\" checked"))
            #expect(try await Report.query(on: haven.db).count() == 0)
            let resent = try await visitor.submitMultipart("/report/help", [("narrative", long), ("city", "Bălți")])
            #expect(resent.status == .seeOther)
            #expect(try await Report.query(on: haven.db).count() == 1)
            let foreign = try await visitor.submitMultipart("/report/help", [("narrative", "x")], csrf: "forged")
            #expect(foreign.status == .unprocessableEntity)
            #expect(try await Report.query(on: haven.db).count() == 1)
        }
    }

    @Test("staff without a key copy get 403 (audited); junk deletion removes rows, key copies and files for good")
    func accessAndJunk() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "case@example.org", role: .caseworker, by: admin)
            _ = try await sendReport(haven, narrative: "First report", files: [("attachments[]", "a.txt", Data("evidence".utf8))])
            _ = try await sendReport(haven, narrative: "Second report")
            let reports = try await Report.query(on: haven.db).all()
            #expect(reports.count == 2)

            let caseworker = try await haven.signedInBrowser(email: "case@example.org")
            #expect(!(try await caseworker.get("/app/inbox")).body.contains("First report"))
            let first = try reports.first { _ in true }!.requireID()
            #expect(try await caseworker.get("/app/inbox/\(first)").status == .forbidden)
            #expect(try await caseworker.submit("/app/inbox/junk", ["reports[]": first.uuidString]).status == .forbidden)
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "report.read.denied").count() == 1)

            let filesDirectory = haven.dataDirectory.appendingPathComponent("files").path
            #expect(try FileManager.default.contentsOfDirectory(atPath: filesDirectory).count == 1)
            _ = try await admin.get("/app/inbox")
            let body =
                Browser.formEncode(["csrf": admin.csrfToken!]) + "&"
                + reports.map { "reports%5B%5D=\(try! $0.requireID().uuidString)" }.joined(separator: "&")
            let asked = try await admin.post("/app/inbox/junk", body: body)
            #expect(asked.status == .ok && asked.body.contains("2 report(s) will be deleted for good."))
            #expect(try await Report.query(on: haven.db).count() == 2, "asking deletes nothing")
            let junked = try await admin.post("/app/inbox/junk", body: body + "&confirm=yes")
            #expect(junked.status == .seeOther)
            #expect(try await Report.query(on: haven.db).count() == 0)
            #expect(try await ReportAttachment.query(on: haven.db).count() == 0)
            #expect(try await KeyGrant.query(on: haven.db).filter(\.$recordTable == Report.schema).count() == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: filesDirectory).isEmpty)
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "report.junk").count() == 2)
            #expect(try await AuditLog.verify(on: haven.db) == nil)
        }
    }

    @Test("nothing a reporter or staff wrote reaches the data directory in clear")
    func markers() async throws {
        try await withHaven(file: true) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let markers = [
                "MARKER-NARRATIVE-q81z", "MARKER-CONTACT-w02k", "MARKER-FILE-p7x3", "MARKER-FILENAME-a9d1", "MARKER-REPLY-m4v6",
                "MARKER-FOLLOWUP-t5s8", "MARKER-CASENOTE-k3j7",
            ]
            let (code, visitor) = try await sendReport(
                haven, narrative: markers[0], contact: markers[1],
                files: [("attachments[]", markers[3] + ".txt", Data((markers[2] + " evidence").utf8))])
            let inbox = try await admin.get("/app/inbox")
            let reportID = try #require(inbox.firstMatch(#"href="/app/inbox/([0-9A-F-]{36})""#))
            _ = try await admin.submit("/app/inbox/\(reportID)/reply", ["message": markers[4]])
            let thread = try await visitor.submitMultipart("/report/follow-up/reply", [("code", code), ("message", markers[5])])
            #expect(thread.body.contains(markers[4]) && thread.body.contains(markers[5]))
            let triaged = try await admin.submit("/app/inbox/\(reportID)/case", [:])
            let caseCode = try #require(triaged.location?.split(separator: "/").last.map(String.init))
            #expect(try await admin.submit("/app/cases/\(caseCode)/notes", ["body": markers[6]]).status == .seeOther)

            let all =
                FileManager.default.enumerator(at: haven.dataDirectory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            let files = all.filter { !$0.hasDirectoryPath }
            #expect(files.contains { $0.lastPathComponent == "haven.sqlite-wal" })
            #expect(files.contains { $0.path.contains("/files/") })
            for file in files {
                let bytes = try Data(contentsOf: file)
                for marker in markers + [code, HumanCode(typed: code).normalized] {
                    #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker) in \(file.lastPathComponent)")
                }
            }
        }
    }
}

@Suite("Retention")
struct RetentionTests {
    @Test("the cleaning deletes exactly the closed reports past their retention, with their files", arguments: TestDatabase.all)
    func expiry(database: TestDatabase) async throws {
        try await withHaven(database, adjust: { $0.closedReportRetentionDays = 90 }) { haven in
            try await haven.setUp()
            let now = Date()
            var ids: [UUID] = []
            for (narrative, status, age) in [
                ("old closed", ReportStatus.closed, 91.0), ("recent closed", .closed, 89.0), ("old open", .open, 400.0),
            ] {
                try await haven.submitReport(
                    ReportSubmission(kind: .other, narrative: narrative),
                    files: [IncomingFile(name: "a.txt", contentType: "text/plain", data: Data(narrative.utf8))])
                let report = try #require(try await Report.query(on: haven.db).sort(\.$receivedAt, .descending).first())
                report.status = status
                report.lastActivityAt = now.addingTimeInterval(-age * 86_400)
                try await report.save(on: haven.db)
                ids.append(try report.requireID())
            }
            let filesDirectory = haven.dataDirectory.appendingPathComponent("files").path
            #expect(try FileManager.default.contentsOfDirectory(atPath: filesDirectory).count == 3)
            #expect(try await haven.app.haven.retention.run(now: now, on: haven.db) == 1)
            let remaining = try await Report.query(on: haven.db).all().map { try $0.requireID() }
            #expect(Set(remaining) == Set(ids.dropFirst()))
            #expect(try FileManager.default.contentsOfDirectory(atPath: filesDirectory).count == 2)
            #expect(
                try await AuditEntry.query(on: haven.db).filter(\.$action == "report.retention.delete").all().map(\.targetID) == [
                    ids[0].uuidString
                ])
            #expect(try await haven.app.haven.retention.run(now: now, on: haven.db) == 0)
            let printed = try await haven.run(RetentionRunCommand(), [])
            #expect(printed.contains("0 expired"))
        }
    }

    @Test("retention can be switched off")
    func off() async throws {
        try await withHaven(adjust: { $0.closedReportRetentionDays = nil }) { haven in
            try await haven.setUp()
            try await haven.submitReport(ReportSubmission(kind: .other, narrative: "kept"), files: [])
            let report = try #require(try await Report.query(on: haven.db).first())
            report.status = .closed
            report.lastActivityAt = Date(timeIntervalSince1970: 0)
            try await report.save(on: haven.db)
            #expect(try await haven.app.haven.retention.run(on: haven.db) == 0)
            #expect(try await Report.query(on: haven.db).count() == 1)
        }
    }
}
