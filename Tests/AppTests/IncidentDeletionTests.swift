import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Deleting an incident")
struct IncidentDeletionTests {
    @Test(
        "the author deletes a duplicate after a confirmation page: acts, sources, evidence files, index entry and links go, persons stay, the reason is audited"
    )
    func authorDeletesDuplicate() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "doc@example.org", role: .documenter, by: admin)
            let documenter = try await haven.signedInBrowser(email: "doc@example.org")
            let kept = try await recordIncident(
                documenter, incidentFields(title: "Kept incident", confidentiality: "public", victim: "Kept Alpha"))
            let duplicate = try await recordIncident(
                documenter, incidentFields(title: "Duplicate incident DUPMARKER", confidentiality: "public", victim: "Duplicate Beta"))
            let upload = try await documenter.submitMultipart(
                "/app/incidents/\(duplicate)/evidence", [], files: [("file", "photo.jpg", Data(repeating: 7, count: 5_000))])
            #expect(upload.status == .seeOther)
            let filesDirectory = haven.dataDirectory.appendingPathComponent("files").path
            let filesBefore = try FileManager.default.contentsOfDirectory(atPath: filesDirectory).count
            #expect(filesBefore >= 1)
            let slug = try await writePublication(
                admin, publicationFields(title: "Linking both", extra: [("incidents", "\(kept), \(duplicate)")]))

            let page = try await documenter.get("/app/incidents/\(duplicate)")
            #expect(page.body.contains("action=\"/app/incidents/\(duplicate)/delete\""))
            let noReason = try await documenter.submit("/app/incidents/\(duplicate)/delete", ["reason": ""])
            #expect(noReason.status == .unprocessableEntity && noReason.body.contains("Choose why the incident is deleted."))
            let asked = try await documenter.submit("/app/incidents/\(duplicate)/delete", ["reason": "duplicate"])
            #expect(asked.status == .ok && asked.body.contains("This cannot be undone.") && asked.body.contains("The persons stay"))
            #expect(try await Incident.query(on: haven.db).count() == 2, "asking deletes nothing")
            let deleted = try await documenter.submit("/app/incidents/\(duplicate)/delete", ["reason": "duplicate", "confirm": "yes"])
            #expect(deleted.status == .seeOther && deleted.location == "/app/incidents")

            #expect(try await Incident.query(on: haven.db).count() == 1)
            #expect(try await Evidence.query(on: haven.db).count() == 0)
            #expect(try await Act.query(on: haven.db).count() == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: filesDirectory).count == filesBefore - 1)
            #expect(try await Person.query(on: haven.db).count() == 2, "persons stay")
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "incident.delete.duplicate").count() == 1)
            #expect(try await documenter.get("/app/incidents/\(duplicate)").status == .notFound)
            #expect(!(try await documenter.get("/app/incidents?q=DUPMARKER")).body.contains(duplicate))
            let publication = try await haven.browser().get("/p/\(slug)")
            #expect(publication.body.contains("/incidents/\(kept)") && !publication.body.contains("/incidents/\(duplicate)"))
        }
    }

    @Test("another documenter, a caseworker or a forged form cannot delete; an administrator can")
    func whoMayDelete() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "doc@example.org", role: .documenter, by: admin)
            _ = try await haven.addUser(email: "other@example.org", role: .documenter, by: admin)
            let documenter = try await haven.signedInBrowser(email: "doc@example.org")
            let other = try await haven.signedInBrowser(email: "other@example.org")
            let code = try await recordIncident(documenter, incidentFields(victim: "Someone Deletable"))
            #expect(!(try await other.get("/app/incidents/\(code)")).body.contains("/delete\""))
            #expect(try await other.submit("/app/incidents/\(code)/delete", ["reason": "mistake", "confirm": "yes"]).status == .forbidden)
            #expect(
                try await documenter.submit("/app/incidents/\(code)/delete", ["reason": "mistake", "confirm": "yes"], csrf: .some(nil))
                    .status
                    == .forbidden)
            #expect(try await Incident.query(on: haven.db).count() == 1)
            #expect(try await admin.submit("/app/incidents/\(code)/delete", ["reason": "mistake", "confirm": "yes"]).status == .seeOther)
            #expect(try await Incident.query(on: haven.db).count() == 0)
        }
    }
}
