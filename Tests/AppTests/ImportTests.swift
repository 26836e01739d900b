import Fluent
import Foundation
import HavenTestSupport
import Testing
import Vapor

@testable import App

@Suite("Importing incidents from CSV")
struct ImportTests {
    @Test(
        "a file with a problem stores nothing and lists it by row and column; a clean file is stored whole; roles that may not are refused")
    func checkThenStore() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "kim@example.org", role: .caseworker, by: admin)
            let caseworker = try await haven.signedInBrowser(email: "kim@example.org")
            let good =
                "title,country,start_date,types,confidentiality\nMarch banned in Chișinău,MD,2023-06,V4.1,public\n\"Фильм \"\"запрещён\"\"\",RU,2020,V4,restricted\n"
            let bad = good + ",XX,yesterday,V4,internal\n"
            #expect(try await caseworker.get("/app/incidents/import").status == .forbidden)
            #expect(
                try await caseworker.submitMultipart("/app/incidents/import", [("csv", good), ("step", "import")]).status == .forbidden)
            #expect(
                try await admin.submitMultipart("/app/incidents/import", [("csv", good), ("step", "import")], csrf: .some(nil)).status
                    == .forbidden)

            let refused = try await admin.submitMultipart("/app/incidents/import", [("csv", bad), ("step", "import")])
            #expect(refused.status == .unprocessableEntity)
            for cell in [
                "<td data-label=\"Row\">4</td><td data-label=\"Column\"><code>title</code>", "<code>country</code>",
                "<code>start_date</code>",
            ] {
                #expect(refused.body.contains(cell), "\(cell)")
            }
            #expect(
                refused.body.contains("Фильм &quot;&quot;запрещён&quot;&quot;") || refused.body.contains("Фильм \"\"запрещён\"\""),
                "the text is kept")
            #expect(try await Incident.query(on: haven.db).count() == 0, "nothing of a file with a problem is stored")

            let checked = try await admin.submitMultipart(
                "/app/incidents/import", [("step", "preview")], files: [("file", "incidents.csv", Data(good.utf8))])
            #expect(checked.status == .ok && checked.body.contains("value=\"import\"") && checked.body.contains("March banned in Chișinău"))
            #expect(try await Incident.query(on: haven.db).count() == 0, "a check stores nothing")
            let stored = try await admin.submitMultipart("/app/incidents/import", [("csv", good), ("step", "import")])
            #expect(stored.status == .seeOther)
            let titles = try await admin.get("/app/incidents").body
            #expect(titles.contains("March banned in Chișinău"))
            let records = try await Incident.query(on: haven.db).all()
            let restricted = try #require(records.first { $0.confidentiality == .restricted })
            #expect(records.count == 2 && !restricted.title.contains("Фильм"), "a restricted import is sealed")
            #expect(
                try await admin.get("/app/incidents/\(restricted.code)").body.contains("Фильм &quot;запрещён&quot;"),
                "and its importer holds its key")
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "incident.import").count() == 1)
        }
    }

    @Test("an export's incidents.csv imports into another Haven as it was")
    func exportThenImport() async throws {
        var exported = ""
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await recordIncident(admin, incidentFields(title: "=SUM(A1) in a title", victim: "Nobody Known"))
            _ = try await recordIncident(
                admin, incidentFields(title: "Кишинёв, 2023: \"марш\"", confidentiality: "public", victim: "Other Person"))
            let zip = try await admin.submit("/app/admin/export", ["format": "csv", "password": goodPassword])
            exported = String(decoding: try #require(StoredZip.entries(zip.bytes).first { $0.name == "incidents.csv" }).data, as: UTF8.self)
        }
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            #expect(try await admin.submitMultipart("/app/incidents/import", [("csv", exported), ("step", "import")]).status == .seeOther)
            let titles = Set(try await Incident.query(on: haven.db).all().map(\.title))
            #expect(titles == ["=SUM(A1) in a title", "Кишинёв, 2023: \"марш\""])
        }
    }
}
