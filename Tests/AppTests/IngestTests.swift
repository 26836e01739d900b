import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("News ingest")
struct IngestTests {
    static let seed = """
        Arman Hasanov and Bekzat Mukashev arrived in Moscow in February 2020. They fled from Kazakhstan because Bekzat’s parents did not want to accept that their son is homosexual. His parents used physical and psychological force towards him. The men asked Russian LGBT Network for help.

        On May 19th, GENDERDOC-M organized the annual march of equality in Chișinău, under the campaign Fără Frică de Iubire(Without the fear to love). However, unlike the last years’ experience, the march that included approximately 350 participants was able to reach its destination without being attacked and evacuated halfway through the route.
        """

    @Test(
        "pasted news are split into items, values marked in the text, and a draft incident or publication opens filled in; nothing is stored until saved"
    )
    func reviewAndDrafts() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let review = try await admin.submitMultipart(
                "/app/ingest",
                [
                    ("text", Self.seed + "\n\n<script>alert(1)</script> On June 8 police in Minsk detained two men."),
                    ("referenceDate", "2019-05-25"),
                ])
            #expect(review.status == .ok)
            #expect(
                review.body.contains("<mark class=\"date\">February 2020</mark>")
                    && review.body.contains("<mark class=\"place\">Chișinău</mark>"))
            #expect(
                review.body.contains("<mark class=\"organisation\">GENDERDOC-M</mark>")
                    && review.body.contains("<mark class=\"count\">approximately 350 participants</mark>") == false)
            #expect(review.body.contains("<mark class=\"count\">350 participants</mark>") && review.body.contains("2019-05-19 (day)"))
            #expect(review.body.contains("Event report") && review.body.contains("Kazakhstan"))
            #expect(!review.body.contains("<script>alert(1)") && review.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(try await Incident.query(on: haven.db).count() == 0)

            let draft = try await admin.submit("/app/ingest/incident", ["text": NewsIngestText.first, "referenceDate": "2020-03-02"])
            #expect(draft.status == .ok && draft.body.contains("value=\"KZ\" selected") && draft.body.contains("value=\"2020-02\""))
            #expect(
                draft.body.contains("value=\"V7.1\" checked")
                    && draft.body.contains("Arman Hasanov and Bekzat Mukashev arrived in Moscow in February 2020.\""))
            #expect(try await Incident.query(on: haven.db).count() == 0)
            let publication = try await admin.submit(
                "/app/ingest/publication", ["text": NewsIngestText.first, "referenceDate": "2020-03-02"])
            #expect(
                publication.status == .ok && publication.body.contains("name=\"body[en]\"")
                    && publication.body.contains("value=\"family\" checked"))
            #expect(try await Publication.query(on: haven.db).count() == 0)
        }
    }

    @Test("an item already recorded, or nearly the same, is flagged with a link to the record")
    func duplicates() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(
                admin, incidentFields(title: "Two men fled Kazakhstan", victim: "Bekzat M.", extra: [("description", NewsIngestText.first)])
            )
            let same = try await admin.submitMultipart("/app/ingest", [("text", NewsIngestText.first), ("referenceDate", "2020-03-02")])
            #expect(same.body.contains("Already recorded") && same.body.contains("/app/incidents/\(code)"))
            let edited = NewsIngestText.first.replacingOccurrences(
                of: "The men asked Russian LGBT Network for help.", with: "They now live in a shelter.")
            let near = try await admin.submitMultipart("/app/ingest", [("text", edited), ("referenceDate", "2020-03-02")])
            #expect(near.body.contains("Very similar to") && near.body.contains("/app/incidents/\(code)"))
            let other = try await admin.submitMultipart(
                "/app/ingest",
                [("text", "Police in Tbilisi detained three activists after a film screening on May 17."), ("referenceDate", "2020-03-02")])
            #expect(!other.body.contains("/app/incidents/\(code)"))
        }
    }

    @Test("bad input comes back with what was typed; roles that do not document cannot ingest")
    func refusals() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let badDate = try await admin.submitMultipart("/app/ingest", [("text", "Something happened."), ("referenceDate", "yesterday")])
            #expect(
                badDate.status == .unprocessableEntity && badDate.body.contains("Something happened.")
                    && badDate.body.contains("value=\"yesterday\""))
            let empty = try await admin.submitMultipart("/app/ingest", [("text", "  \n\n  "), ("referenceDate", "")])
            #expect(empty.status == .unprocessableEntity)
            _ = try await haven.addUser(email: "cw@example.org", role: .caseworker, by: admin)
            let caseworker = try await haven.signedInBrowser(email: "cw@example.org")
            #expect(try await caseworker.get("/app/ingest").status == .forbidden)
        }
    }

    @Test("`haven ingest --json` prints one object per item with the documented keys")
    func command() async throws {
        try await withHaven { haven in
            let file = haven.dataDirectory.appendingPathComponent("news.txt")
            try (Self.seed + "\n\n   \n").write(to: file, atomically: true, encoding: .utf8)
            let printed = try await haven.run(IngestCommand(), [file.path, "--json", "--reference-date", "2019-05-25"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(printed.utf8)) as? [[String: Any]])
            #expect(json.count == 2)
            for key in ["text", "language", "kind", "dates", "countries", "places", "organisations", "counts", "headings", "types"] {
                #expect(json.allSatisfy { $0[key] != nil }, "\(key)")
            }
            #expect((json[1]["countries"] as? [String])?.first == "MD" && json[1]["kind"] as? String == "event_report")
            let table = try await haven.run(IngestCommand(), [file.path, "--reference-date", "2019-05-25"])
            #expect(table.contains("#2 [en, event_report]") && table.contains("350 participants"))
            await #expect(throws: CommandFailure.self) { _ = try await haven.run(IngestCommand(), ["--json"]) }
        }
    }
}

/// The first seed item, as the tests paste it.
enum NewsIngestText {
    static let first =
        "Arman Hasanov and Bekzat Mukashev arrived in Moscow in February 2020. They fled from Kazakhstan because Bekzat’s parents did not want to accept that their son is homosexual. His parents used physical and psychological force towards him. The men asked Russian LGBT Network for help."
}
