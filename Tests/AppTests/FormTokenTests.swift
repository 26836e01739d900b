import Fluent
import Foundation
import Testing
import Vapor

@testable import App

@Suite("Form tokens on documentation, publishing and ingest")
struct FormTokenTests {
    @Test("every new form refuses a post without its token and changes nothing")
    func everyFormNeedsItsToken() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin, incidentFields(confidentiality: "restricted"))
            let person = try #require(try await admin.get("/app/incidents/\(code)").firstMatch(#"/app/persons/(P-[0-9A-Z]{6})"#))
            let slug = try await writePublication(admin, publish: false)
            let caseCode = try await openCase(admin)
            let before = try await counts(haven)
            let posts: [(String, [String: String])] = [
                ("/app/incidents/\(code)", ["title": "changed"]), ("/app/incidents/\(code)/access/revoke", ["holder": UUID().uuidString]),
                ("/app/incidents/\(code)/proceedings", ["court": "A court"]), ("/app/persons/\(person)", ["name": "Someone else"]),
                ("/app/admin/vocabularies/incident-types", ["code": "V4.1", "en": "changed"]),
                ("/app/publications", ["title[en]": "New", "date": "2020-01-01"]),
                ("/app/publications/\(slug)", ["title[en]": "Changed", "date": "2020-01-01"]),
                ("/app/publications/\(slug)/status", ["status": "published"]),
                ("/app/admin/site/about", ["text[en]": "About"]), ("/app/admin/site/languages", ["code": "kk", "name": "Қазақша"]),
                ("/app/ingest", ["text": "Police in Kazan detained two men."]),
                ("/app/ingest/incident", ["text": "Police in Kazan detained two men."]),
                ("/app/ingest/publication", ["text": "Police in Kazan detained two men."]),
                ("/app/cases/\(caseCode)/incidents", ["incident": code]),
            ]
            for (path, fields) in posts {
                let refused = try await admin.submit(path, fields, csrf: .some(nil))
                #expect(refused.status == .forbidden, "\(path)")
                #expect(refused.body.contains("nothing was saved"), "\(path): the typed text comes back to be sent again")
            }
            #expect(try await counts(haven) == before)
            #expect(try await Publication.find(on: haven.db, slug: slug)?.status == .draft)
        }
    }

    /// Rows every refused form could have changed.
    func counts(_ haven: TestHaven) async throws -> [Int] {
        [
            try await IncidentRevision.query(on: haven.db).count(), try await Proceeding.query(on: haven.db).count(),
            try await VocabularyEditRecord.query(on: haven.db).count(), try await Publication.query(on: haven.db).count(),
            try await PublicationRevision.query(on: haven.db).count(), try await SitePage.query(on: haven.db).count(),
            try await ContentLanguage.query(on: haven.db).count(), try await CaseIncident.query(on: haven.db).count(),
            try await KeyGrant.query(on: haven.db).count(), try await AuditEntry.query(on: haven.db).count(),
        ]
    }
}
