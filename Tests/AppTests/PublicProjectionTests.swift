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

    @Test("the public list filters by country, Annual Review heading and year; values that name nothing are left out")
    func filters() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let russia = try await recordIncident(admin, incidentFields(title: "Fine", confidentiality: "public", victim: "Aa Bb"))
            let moldova = try await recordIncident(
                admin,
                incidentFields(
                    title: "Attack", confidentiality: "public", victim: "Cc Dd", types: ["V1.1", "V1"],
                    extra: [("country", "MD"), ("startDate", "2023-05-19"), ("acts[0][type]", "V1.1"), ("acts[0][date]", "2023-05-19")]))
            let visitor = haven.browser()
            func shows(_ query: String) async throws -> (russia: Bool, moldova: Bool) {
                let page = try await visitor.get("/incidents?" + query)
                #expect(page.status == .ok, "\(query)")
                return (page.body.contains(russia), page.body.contains(moldova))
            }
            #expect(try await shows("country=MD") == (false, true))
            #expect(try await shows("year=2020") == (true, false))
            #expect(try await shows("heading=bias_motivated_violence") == (false, true))
            #expect(try await shows("heading=freedom_of_expression&country=RU") == (true, false))
            for junk in ["country=ZZ", "year=abcd", "year=99999", "heading=%3Cscript%3E", "country=", "page=-4"] {
                #expect(try await shows(junk) == (true, true), "\(junk) is left out")
            }
            #expect(try await visitor.get("/incidents?page=99999999999999999999&year=2020").status == .ok)
            let filtered = try await visitor.get("/incidents?country=MD")
            #expect(filtered.body.contains("<option value=\"MD\" selected>"))
        }
    }
}
