import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Duplicates merged")
struct MergeTests {
    static let evidenceBytes = Data("MARKER-MERGE-EVIDENCE scanned court decision".utf8)

    /// The code of the person an incident's first act names.
    static func victimCode(_ page: Browser.Page) throws -> String {
        try #require(page.firstMatch(#"href="/app/persons/(P-[0-9A-Z]+)""#))
    }

    @Test(
        "two person records become one: acts name the survivor, names join, the merged code redirects; refusals keep the form",
        arguments: TestDatabase.all)
    func persons(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let first = try await recordIncident(admin, incidentFields(title: "Fined in court", victim: "Ana Testova"))
            let second = try await recordIncident(admin, incidentFields(title: "Detained at the march", victim: "Anna Testowa"))
            let keep = try Self.victimCode(try await admin.get("/app/incidents/\(first)"))
            let drop = try Self.victimCode(try await admin.get("/app/incidents/\(second)"))
            #expect(keep != drop)
            let hidden = try await recordIncident(
                admin,
                incidentFields(
                    title: "Threatened at home", confidentiality: "restricted", victim: "Anna Testowa",
                    extra: [("acts[0][victimChoice]", drop)]))
            let hiddenVictim = try Self.victimCode(try await admin.get("/app/incidents/\(hidden)"))
            #expect(hiddenVictim == drop)

            let path = "/app/persons/\(drop)/merge"
            #expect(try await admin.get("/app/persons/\(drop)").body.contains("action=\"\(path)\""))
            for (typed, message) in [("P-NOSUCH", "No person record"), (drop, "That is this record")] {
                let refused = try await admin.submit(path, ["into": typed])
                #expect(
                    refused.status == .unprocessableEntity && refused.body.contains("id=\"merge-error\"") && refused.body.contains(message))
            }
            #expect(try await admin.submit(path, ["into": keep], csrf: .some(nil)).status == .forbidden)
            _ = try await haven.addUser(email: "editor@example.org", role: .editor, by: admin)
            let editor = try await haven.signedInBrowser(email: "editor@example.org")
            #expect(try await editor.submit(path, ["into": keep]).status == .forbidden)
            let asked = try await admin.submit(path, ["into": keep])
            #expect(asked.status == .ok && asked.body.contains("name=\"confirm\"") && asked.body.contains("cannot be undone"))
            #expect(try await Person.find(on: haven.db, code: drop) != nil, "nothing before the confirmation")

            let merged = try await admin.submit(path, ["into": keep, "confirm": "yes"])
            #expect(merged.status == .seeOther && merged.location == "/app/persons/\(keep)")
            #expect(try await Person.find(on: haven.db, code: drop) == nil)
            let survivor = try await admin.get("/app/persons/\(keep)")
            #expect(survivor.body.contains("Anna Testowa") && survivor.body.contains("Detained at the march"))
            let old = try await admin.get("/app/persons/\(drop)")
            #expect(old.status == .movedPermanently && old.location == "/app/persons/\(keep)")
            #expect(try Self.victimCode(try await admin.get("/app/incidents/\(second)")) == keep)
            #expect(try Self.victimCode(try await admin.get("/app/incidents/\(hidden)")) == keep, "a sealed reference follows the merge")
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "person.merge").count() == 1)
        }
    }

    @Test(
        "an incident recorded twice becomes one: acts, sources, evidence, proceedings and case links move; the merged code redirects",
        arguments: TestDatabase.all)
    func incidents(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let keep = try await recordIncident(admin, incidentFields(title: "Pride march attacked", victim: "Ion Marcheru"))
            let drop = try await recordIncident(
                admin,
                incidentFields(
                    title: "March attacked (second entry)", victim: "Vasile Second",
                    extra: [("sources[0][title]", "MARKER-DUPLICATE-SOURCE")]))
            _ = try await admin.submitMultipart(
                "/app/incidents/\(drop)/evidence", [], files: [("file", "decision.pdf", Self.evidenceBytes)])
            _ = try await admin.submit(
                "/app/incidents/\(drop)/proceedings", ["court": "MARKER-COURT-OF-DUPLICATE", "stage": "first_instance", "penalty": "none"])
            let caseCode = try await openCase(admin, pseudonym: "Linked")
            _ = try await admin.submit("/app/cases/\(caseCode)/incidents", ["incident": drop])
            let secret = try await recordIncident(
                admin, incidentFields(title: "Restricted duplicate", confidentiality: "restricted", victim: "Hidden Ionela"))

            let lowered = try await admin.submit("/app/incidents/\(secret)/merge", ["into": keep, "confirm": "yes"])
            #expect(lowered.status == .unprocessableEntity && lowered.body.contains("id=\"merge-error\""))
            #expect(try await admin.submit("/app/incidents/\(drop)/merge", ["into": "I-NOSUCH"]).status == .unprocessableEntity)
            #expect(try await admin.submit("/app/incidents/\(drop)/merge", ["into": keep], csrf: .some(nil)).status == .forbidden)
            let asked = try await admin.submit("/app/incidents/\(drop)/merge", ["into": keep])
            #expect(asked.status == .ok && asked.body.contains("name=\"confirm\""))
            #expect(try await Incident.find(on: haven.db, code: drop) != nil)

            let merged = try await admin.submit("/app/incidents/\(drop)/merge", ["into": keep, "confirm": "yes"])
            #expect(merged.status == .seeOther && merged.location == "/app/incidents/\(keep)")
            #expect(try await Incident.find(on: haven.db, code: drop) == nil)
            let page = try await admin.get("/app/incidents/\(keep)")
            #expect(page.body.contains("Pride march attacked") && page.body.contains("MARKER-DUPLICATE-SOURCE"))
            #expect(page.body.contains("MARKER-COURT-OF-DUPLICATE") && page.body.contains("decision.pdf"))
            #expect(page.body.contains("Vasile Second") && page.body.contains("Ion Marcheru"))
            let evidenceID = try #require(try await Evidence.query(on: haven.db).first()).requireID()
            let file = try await admin.get("/app/incidents/\(keep)/evidence/\(evidenceID)")
            #expect(file.status == .ok && file.bytes == Self.evidenceBytes)
            let old = try await admin.get("/app/incidents/\(drop)")
            #expect(old.status == .movedPermanently && old.location == "/app/incidents/\(keep)")
            #expect(try await admin.get("/app/cases/\(caseCode)").body.contains("href=\"/app/incidents/\(keep)\""))
            #expect(try await admin.get("/app/incidents/\(keep)/revisions").status == .ok)
            let search = try await admin.get("/app/incidents?q=second+entry")
            #expect(!search.body.contains("/app/incidents/\(drop)"))

            let other = try await recordIncident(
                admin, incidentFields(title: "Restricted original", confidentiality: "restricted", victim: "Kept Petrica"))
            let sealed = try await admin.submit("/app/incidents/\(secret)/merge", ["into": other, "confirm": "yes"])
            #expect(sealed.status == .seeOther)
            let restricted = try await admin.get("/app/incidents/\(other)")
            #expect(restricted.body.contains("Hidden Ionela") && restricted.body.contains("Restricted original"))
        }
    }
}
