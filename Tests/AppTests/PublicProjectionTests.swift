import Foundation
import Testing

@testable import App

@Suite("What the public site shows of an incident")
struct PublicProjectionTests {
    @Test("a name typed into a public incident's title or description reaches no public page, list, publication or search")
    func noStaffTextInPublic() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(
                admin,
                incidentFields(
                    title: "Zarina Qvist detained in Grozny", confidentiality: "public", victim: "Zarina Qvist",
                    extra: [("description", "Zarina Qvist was taken from her flat on Ulitsa 4 by officers.")]))
            let slug = try await writePublication(admin, publicationFields(extra: [("incidents", code)]))
            let visitor = haven.browser()
            let page = try await visitor.get("/incidents/\(code)")
            #expect(page.status == .ok && page.body.contains("Russia"))
            let list = try await visitor.get("/incidents")
            #expect(list.body.contains("/incidents/\(code)"))
            let publication = try await visitor.get("/p/\(slug)")
            #expect(publication.status == .ok)
            for body in [page.body, list.body, publication.body] {
                #expect(!body.contains("Zarina") && !body.contains("Qvist") && !body.contains("Ulitsa"))
            }
            // Searching a guessed name says nothing: the answer is the same as for any word.
            let guessed = try await visitor.get("/incidents?q=Qvist")
            let other = try await visitor.get("/incidents?q=nothinglikethis")
            #expect(guessed.body.contains("/incidents/\(code)") == other.body.contains("/incidents/\(code)"))
            // Staff still see what they wrote.
            #expect(try await admin.get("/app/incidents/\(code)").body.contains("Zarina Qvist was taken"))
        }
    }
}
