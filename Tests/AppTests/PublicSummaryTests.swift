import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Public titles and summaries of incidents")
struct PublicSummaryTests {
    static let victim = "Veronica Stanciulescu"

    @Test(
        "a victim named in the description and in a draft public summary never reaches the public page, the list, a publication, the feed or the sitemap"
    )
    func victimsNameNeverPublic() async throws {
        try await withHaven(adjust: { $0.publicURL = URL(string: "https://rights.example.org") }) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let named = incidentFields(
                title: "Veronica Stanciulescu beaten", confidentiality: "public", victim: Self.victim,
                extra: [
                    ("description", "Veronica Stanciulescu was beaten by two men near the station."),
                    ("publicSummary[en]", "Stanciulescu, a trans woman, was beaten near the station."),
                ])
            let before = try await Incident.query(on: haven.db).count()
            let flagged = try await admin.submit("/app/incidents", pairs: named)
            #expect(flagged.status == .unprocessableEntity)
            #expect(
                flagged.body.contains("names of recorded persons or of persons typed in this form")
                    && flagged.body.contains("<strong>stanciulescu</strong>"))
            #expect(flagged.body.contains("name=\"publicTextChecked\"") && flagged.body.contains("Stanciulescu, a trans woman"))
            #expect(try await Incident.query(on: haven.db).count() == before, "nothing is stored while the name is flagged")

            let clean = named.map { $0.0 == "publicSummary[en]" ? ($0.0, "A trans woman was beaten by two men near the station.") : $0 }
            let code = try await recordIncident(
                admin,
                clean + [("publicTitle[en]", "Trans woman beaten in Chișinău"), ("publicTitle[ru]", "Избиение трансгендерной женщины")])
            let slug = try await writePublication(admin, publicationFields(title: "Attack near the station", extra: [("incidents", code)]))
            let visitor = haven.browser()
            let pages = [
                "/incidents/\(code)", "/incidents", "/incidents?lang=ru", "/p/\(slug)", "/feed.atom", "/sitemap.xml", "/",
                "/incidents/\(code)?lang=ru",
            ]
            for path in pages {
                let body = try await visitor.get(path).body
                #expect(!body.contains("Veronica") && !body.contains("Stanciulescu"), "\(path) shows the victim's name")
            }
            let page = try await visitor.get("/incidents/\(code)")
            #expect(page.body.contains("Trans woman beaten in Chișinău") && page.body.contains("A trans woman was beaten by two men"))
            #expect(try await visitor.get("/incidents").body.contains("Trans woman beaten in Chișinău"))
            #expect(try await visitor.get("/p/\(slug)").body.contains("Trans woman beaten in Chișinău"))
            let russian = try await visitor.get("/incidents/\(code)?lang=ru")
            #expect(russian.body.contains("Избиение трансгендерной женщины") && russian.body.contains("Это описание есть только на языке"))
            #expect(russian.body.contains("<p class=\"lead\" lang=\"en\">A trans woman was beaten"))
            #expect(try await visitor.get("/incidents?lang=ru").body.contains("Избиение трансгендерной женщины"))
        }
    }

    @Test("a recorded person's other name is flagged in a later incident's public texts; the documenter's tick lets a false alarm through")
    func recordedNamesFlagged() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await recordIncident(admin, incidentFields(victim: "Marker Victim"))
            let person = try await Person.query(on: haven.db).first()
            #expect(person != nil)
            let later = incidentFields(
                title: "Later incident", confidentiality: "public", victim: "Someone Else",
                extra: [("publicTitle[ro]", "Atacul asupra lui Marker la Bălți")])
            let flagged = try await admin.submit("/app/incidents", pairs: later)
            #expect(flagged.status == .unprocessableEntity && flagged.body.contains("<strong>marker</strong>"))
            #expect(!flagged.body.contains("<strong>balti</strong>") && !flagged.body.contains("<strong>atacul</strong>"))
            let confirmed = try await admin.submit("/app/incidents", pairs: later + [("publicTextChecked", "on")])
            #expect(confirmed.status == .seeOther)
            let unrelated = incidentFields(
                title: "Third", confidentiality: "public", victim: "Third Person", extra: [("publicSummary[en]", "Police raided a bar.")])
            #expect(try await admin.submit("/app/incidents", pairs: unrelated).status == .seeOther, "no name, no flag")
        }
    }

    @Test("public texts that are too long come back with the text kept; the form says which fields go public")
    func publicTextLimits() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let form = try await admin.get("/app/incidents/new")
            #expect(form.body.contains("never appear on the public site") && form.body.contains("name=\"publicSummary[ru]\""))
            let long = String(repeating: "слово ", count: 1_000)
            let refused = try await admin.submit(
                "/app/incidents",
                pairs: incidentFields(victim: "Fourth Person", extra: [("publicSummary[ru]", long), ("publicTitle[en]", "Kept title")]))
            #expect(refused.status == .unprocessableEntity && refused.body.contains("aria-describedby=\"publicSummary-ru-error\""))
            #expect(refused.body.contains("value=\"Kept title\""))
        }
    }

    @Test("a restricted incident's public title and summary are sealed with the rest of its narrative, and open for a key holder")
    func restrictedPublicTextsSealed() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(
                admin,
                incidentFields(
                    confidentiality: "restricted", victim: "Sealed Subject",
                    extra: [("publicTitle[en]", "MARKERPUBLICTITLE"), ("publicSummary[ru]", "MARKERPUBLICSUMMARY")]))
            let record = try #require(try await Incident.query(on: haven.db).filter(\.$code == code).first())
            let stored = String(decoding: record.body, as: UTF8.self) + record.title
            #expect(!stored.contains("MARKERPUBLICTITLE") && !stored.contains("MARKERPUBLICSUMMARY"))
            let form = try await admin.get("/app/incidents/\(code)/edit")
            #expect(form.body.contains("value=\"MARKERPUBLICTITLE\"") && form.body.contains("MARKERPUBLICSUMMARY</textarea>"))
        }
    }
}
