import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Report handover")
struct HandoverTests {
    static let fileBytes = Data("MARKER-HANDOVER-FILE-BYTES photo of the bruises".utf8)

    /// A report with one file, and its id and attachment id.
    static func report(_ haven: TestHaven, narrative: String) async throws -> (code: String, visitor: Browser, id: UUID, file: UUID) {
        let (code, visitor) = try await sendReport(
            haven, narrative: narrative, contact: "signal: @marker_contact", files: [("attachments[]", "bruises.txt", fileBytes)])
        let report = try #require(try await Report.query(on: haven.db).sort(\.$receivedAt, .descending).first())
        let file = try #require(try await ReportAttachment.query(on: haven.db).filter(\.$report.$id == report.requireID()).first())
        return (code, visitor, try report.requireID(), try file.requireID())
    }

    @Test(
        "report → case → caseworker reads and replies → reporter reads → file into a restricted incident → retention deletes the report → evidence still readable",
        arguments: TestDatabase.all)
    func handover(database: TestDatabase) async throws {
        try await withHaven(database, file: true, adjust: { $0.closedReportRetentionDays = 30 }) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let caseworkerID = try await haven.addUser(email: "cw@example.org", role: .caseworker, by: admin)
            let documenterID = try await haven.addUser(email: "doc@example.org", role: .documenter, by: admin)
            let caseworker = try await haven.signedInBrowser(email: "cw@example.org")
            let documenter = try await haven.signedInBrowser(email: "doc@example.org")
            let sent = try await Self.report(haven, narrative: "MARKER-HANDOVER-NARRATIVE beaten by his brothers")

            let created = try await admin.submit("/app/inbox/\(sent.id)/case", [:])
            let caseCode = String(try #require(created.location).dropFirst("/app/cases/".count))
            #expect(try await caseworker.get("/app/cases/\(caseCode)").status == .forbidden)
            #expect(try await caseworker.get("/app/inbox/\(sent.id)").status == .forbidden)
            #expect(
                try await admin.submit("/app/cases/\(caseCode)/assign", ["colleague": caseworkerID.uuidString]).status == .seeOther)

            let casePage = try await caseworker.get("/app/cases/\(caseCode)")
            #expect(casePage.status == .ok)
            #expect(casePage.body.contains("MARKER-HANDOVER-NARRATIVE") && casePage.body.contains("bruises.txt"))
            #expect(casePage.body.contains("action=\"/app/cases/\(caseCode)/report/reply\""))
            let download = try await caseworker.get("/app/cases/\(caseCode)/report/attachments/\(sent.file)")
            #expect(download.status == .ok && download.bytes == Self.fileBytes)
            let empty = try await caseworker.submit("/app/cases/\(caseCode)/report/reply", ["message": "  "])
            #expect(empty.status == .unprocessableEntity && empty.body.contains("id=\"message-error\""))
            let replied = try await caseworker.submit(
                "/app/cases/\(caseCode)/report/reply", ["message": "MARKER-CASEWORKER-REPLY We can meet on Tuesday."])
            #expect(replied.status == .seeOther)
            let thread = try await sent.visitor.submitMultipart("/report/follow-up", [("code", sent.code)])
            #expect(thread.status == .ok && thread.body.contains("MARKER-CASEWORKER-REPLY"))

            let form = try await admin.get("/app/incidents/new?report=\(sent.id)")
            #expect(form.body.contains("action=\"/app/incidents?report=\(sent.id)\""))
            let made = try await admin.submit(
                "/app/incidents?report=\(sent.id)",
                pairs: incidentFields(title: "Beaten by relatives", confidentiality: "restricted", victim: "Unnamed Person"))
            #expect(made.status == .seeOther)
            let incidentCode = String(try #require(made.location).dropFirst("/app/incidents/".count))
            #expect(
                try await admin.submit("/app/incidents/\(incidentCode)/access", ["colleague": documenterID.uuidString]).status
                    == .seeOther)
            let incidentPage = try await documenter.get("/app/incidents/\(incidentCode)")
            #expect(incidentPage.body.contains("MARKER-HANDOVER-NARRATIVE") && incidentPage.body.contains("MARKER-CASEWORKER-REPLY"))
            let carryPath = "/app/incidents/\(incidentCode)/report/attachments/\(sent.file)/evidence"
            #expect(incidentPage.body.contains("action=\"\(carryPath)\""))
            #expect(try await documenter.submit(carryPath, [:]).status == .seeOther)
            #expect(try await documenter.submit(carryPath, [:]).status == .seeOther)
            let evidence = try await Evidence.query(on: haven.db).all()
            #expect(evidence.count == 1 && evidence.first?.fromReportAttachmentID == sent.file)
            let evidenceID = try #require(evidence.first).requireID()
            let withEvidence = try await documenter.get("/app/incidents/\(incidentCode)")
            #expect(withEvidence.body.contains("received from anonymous report") && !withEvidence.body.contains("action=\"\(carryPath)\""))

            let reportPage = try await admin.get("/app/inbox/\(sent.id)")
            #expect(
                reportPage.body.contains("href=\"/app/cases/\(caseCode)\"")
                    && reportPage.body.contains("href=\"/app/incidents/\(incidentCode)\""))

            _ = try await admin.submit("/app/inbox/\(sent.id)/close", [:])
            let report = try #require(try await Report.find(sent.id, on: haven.db))
            report.lastActivityAt = Date().addingTimeInterval(-40 * 86_400)
            try await report.save(on: haven.db)
            #expect(try await haven.app.haven.retention.run(on: haven.db) == 1)
            #expect(try await Report.find(sent.id, on: haven.db) == nil)
            #expect(try await ReportLink.query(on: haven.db).count() == 0)
            let kept = try await documenter.get("/app/incidents/\(incidentCode)/evidence/\(evidenceID)")
            #expect(kept.status == .ok && kept.bytes == Self.fileBytes)
            let afterwards = try await caseworker.get("/app/cases/\(caseCode)")
            #expect(
                afterwards.status == .ok && !afterwards.body.contains("MARKER-CASEWORKER-REPLY")
                    && !afterwards.body.contains("/report/reply"))
            #expect(afterwards.body.contains("no longer kept"))

            let stored =
                FileManager.default.enumerator(at: haven.dataDirectory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in stored where !file.hasDirectoryPath {
                let bytes = try Data(contentsOf: file)
                for marker in ["MARKER-HANDOVER-FILE-BYTES", "MARKER-HANDOVER-NARRATIVE", "MARKER-CASEWORKER-REPLY"] {
                    #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker) in \(file.lastPathComponent)")
                }
            }
        }
    }

    @Test("the thread goes with the case key: not before it is given, not after it is taken away, not through another case")
    func refusals() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let caseworkerID = try await haven.addUser(email: "cw@example.org", role: .caseworker, by: admin)
            let caseworker = try await haven.signedInBrowser(email: "cw@example.org")
            let sent = try await Self.report(haven, narrative: "MARKER-REFUSAL-NARRATIVE")
            let created = try await admin.submit("/app/inbox/\(sent.id)/case", [:])
            let caseCode = String(try #require(created.location).dropFirst("/app/cases/".count))
            let replyPath = "/app/cases/\(caseCode)/report/reply"
            let filePath = "/app/cases/\(caseCode)/report/attachments/\(sent.file)"

            #expect(try await caseworker.submit(replyPath, ["message": "not yet"]).status == .forbidden)
            #expect(try await caseworker.get(filePath).status == .forbidden)
            _ = try await admin.submit("/app/cases/\(caseCode)/assign", ["colleague": caseworkerID.uuidString])
            #expect(try await caseworker.get(filePath).status == .ok)
            #expect(try await caseworker.submit(replyPath, ["message": "hello"], csrf: .some(nil)).status == .forbidden)
            #expect(
                try await admin.submit("/app/cases/\(caseCode)/unassign", ["holder": caseworkerID.uuidString]).status == .seeOther)
            #expect(try await caseworker.submit(replyPath, ["message": "after"]).status == .forbidden)
            #expect(try await caseworker.get(filePath).status == .forbidden)
            #expect(try await ReportMessage.query(on: haven.db).count() == 0)

            let plain = try await openCase(admin, pseudonym: "Walk-in")
            #expect(try await admin.submit("/app/cases/\(plain)/report/reply", ["message": "nobody"]).status == .notFound)
            #expect(try await admin.get("/app/cases/\(plain)/report/attachments/\(sent.file)").status == .notFound)
            let other = try await Self.report(haven, narrative: "MARKER-OTHER-NARRATIVE")
            #expect(try await admin.get("/app/cases/\(caseCode)/report/attachments/\(other.file)").status == .notFound)
        }
    }

    @Test("an internal incident from a report keeps the thread with the report's holders; others cannot carry its files")
    func internalIncident() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "doc@example.org", role: .documenter, by: admin)
            let documenter = try await haven.signedInBrowser(email: "doc@example.org")
            let sent = try await Self.report(haven, narrative: "MARKER-INTERNAL-NARRATIVE")
            let made = try await admin.submit(
                "/app/incidents?report=\(sent.id)", pairs: incidentFields(title: "Internal from report", victim: "Unnamed Person"))
            let code = String(try #require(made.location).dropFirst("/app/incidents/".count))
            #expect(try await admin.get("/app/incidents/\(code)").body.contains("MARKER-INTERNAL-NARRATIVE"))
            let page = try await documenter.get("/app/incidents/\(code)")
            #expect(page.status == .ok && !page.body.contains("MARKER-INTERNAL-NARRATIVE"))
            let carry = try await documenter.submit("/app/incidents/\(code)/report/attachments/\(sent.file)/evidence", [:])
            #expect(carry.status == .notFound)
            #expect(try await Evidence.query(on: haven.db).count() == 0)
            let viewer = try await documenter.get("/app/incidents/\(code)/report/attachments/\(sent.file)")
            #expect(viewer.status == .notFound)
            let foreign = try await Self.report(haven, narrative: "MARKER-FOREIGN")
            #expect(
                try await admin.submit("/app/incidents/\(code)/report/attachments/\(foreign.file)/evidence", [:]).status == .notFound)
            #expect(try await admin.submit("/app/incidents/\(code)/report/attachments/\(sent.file)/evidence", [:]).status == .seeOther)
            #expect(try await Evidence.query(on: haven.db).count() == 1)
        }
    }
}
