import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Legal proceedings corrected after the fact")
struct ProceedingEditTests {
    static let court = "Central District Court"

    /// Adds a proceeding with one hearing to an incident; returns its id.
    func proceeding(_ admin: Browser, _ haven: TestHaven, incident code: String, court: String = court) async throws -> String {
        let added = try await admin.submit(
            "/app/incidents/\(code)/proceedings",
            ["court": court, "stage": "first_instance", "penalty": "fine", "fineAmount": "10000", "fineCurrency": "RUB"])
        #expect(added.status == .seeOther)
        let page = try await admin.get("/app/incidents/\(code)")
        let id = try #require(page.firstMatch(#"/proceedings/([0-9A-F-]{36})/edit"#))
        let hearing = try await admin.submit("/app/incidents/\(code)/proceedings/\(id)/hearings", ["day": "2030-03-04"])
        #expect(hearing.status == .seeOther)
        return id
    }

    /// The edit form's fields as posted, with changes.
    func fields(_ changes: [String: String]) -> [String: String] {
        [
            "court": Self.court, "stage": "first_instance", "penalty": "fine", "fineAmount": "10000", "fineCurrency": "RUB",
            "hearings[0][day]": "2030-03-04", "hearings[0][outcome]": "", "hearings[1][day]": "", "hearings[1][outcome]": "",
        ].merging(changes) { _, new in new }
    }

    @Test(
        "stage, decision, penalty, appeal deadline and a hearing's outcome change after the hearing; the earlier version is kept",
        arguments: TestDatabase.all)
    func edit(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            #expect(try await admin.submit("/app/account/name", ["displayName": "Ana Editor"]).status == .seeOther)
            let code = try await recordIncident(admin)
            let id = try await proceeding(admin, haven, incident: code)
            let form = try await admin.get("/app/incidents/\(code)/proceedings/\(id)/edit")
            #expect(form.status == .ok && form.body.contains("value=\"\(Self.court)\"") && form.body.contains("value=\"2030-03-04\""))
            #expect(form.body.contains("name=\"hearings[1][day]\""), "an empty row adds a hearing")

            let saved = try await admin.submit(
                "/app/incidents/\(code)/proceedings/\(id)",
                fields([
                    "stage": "appeal", "decision": "Appeal dismissed", "penalty": "detention", "detentionDays": "10",
                    "appealDeadline": "2030-04-01", "hearings[0][outcome]": "Adjourned at the prosecutor's request",
                    "hearings[1][day]": "2030-05-06",
                ]))
            #expect(saved.status == .seeOther)
            let page = try await admin.get("/app/incidents/\(code)")
            for text in ["Appeal dismissed", "Detention: 10 days", "2030-04-01", "2030-03-04 — Adjourned at the prosecutor", "2030-05-06"] {
                #expect(page.body.contains(text), "\(text)")
            }
            let again = try await admin.get("/app/incidents/\(code)/proceedings/\(id)/edit")
            #expect(again.body.contains("Ana Editor") && again.body.contains("First instance") && again.body.contains("10000.00 RUB"))
            #expect(try await ProceedingRevision.query(on: haven.db).count() == 1)

            let unchanged = try await admin.submit(
                "/app/incidents/\(code)/proceedings/\(id)",
                fields([
                    "stage": "appeal", "decision": "Appeal dismissed", "penalty": "detention", "detentionDays": "10",
                    "appealDeadline": "2030-04-01", "hearings[0][outcome]": "Adjourned at the prosecutor's request",
                    "hearings[1][day]": "2030-05-06",
                ]))
            #expect(unchanged.status == .seeOther)
            #expect(try await ProceedingRevision.query(on: haven.db).count() == 1, "no revision when nothing changed")

            let removedHearing = try await admin.submit(
                "/app/incidents/\(code)/proceedings/\(id)",
                fields([
                    "stage": "appeal", "hearings[0][remove]": "yes", "hearings[1][day]": "2030-05-06", "hearings[2][day]": "",
                ]))
            #expect(removedHearing.status == .seeOther)
            let calendar = try await admin.get("/app/hearings")
            #expect(calendar.body.contains("2030-05-06") && !calendar.body.contains("2030-03-04"))
        }
    }

    @Test("a wrong day or a missing court keeps everything typed next to its field and changes nothing")
    func problems() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin)
            let id = try await proceeding(admin, haven, incident: code)
            let before = try #require(try await Proceeding.find(UUID(uuidString: id), on: haven.db)).details
            for (changes, shown) in [
                (["hearings[0][day]": "next Tuesday", "decision": "Typed decision"], "next Tuesday"),
                (["court": " ", "decision": "Typed decision"], "This is needed."),
            ] {
                let page = try await admin.submit("/app/incidents/\(code)/proceedings/\(id)", fields(changes))
                #expect(page.status == .unprocessableEntity && page.body.contains(shown) && page.body.contains("Typed decision"))
                #expect(page.body.contains("field-error"))
            }
            #expect(try await Proceeding.find(UUID(uuidString: id), on: haven.db)?.details == before)
            #expect(try await ProceedingRevision.query(on: haven.db).count() == 0)
        }
    }

    @Test(
        "removing asks first, then the proceeding leaves the incident and the calendar; its last version stays until the incident is deleted"
    )
    func remove() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin)
            let id = try await proceeding(admin, haven, incident: code)
            let asked = try await admin.submit("/app/incidents/\(code)/proceedings/\(id)/remove", [:])
            #expect(asked.status == .ok && asked.body.contains(Self.court) && asked.body.contains("hearings calendar"))
            #expect(try await Proceeding.query(on: haven.db).count() == 1)
            let removed = try await admin.submit("/app/incidents/\(code)/proceedings/\(id)/remove", ["confirm": "yes"])
            #expect(removed.status == .seeOther)
            #expect(try await Proceeding.query(on: haven.db).count() == 0)
            #expect(!(try await admin.get("/app/hearings").body.contains("2030-03-04")))
            #expect(try await ProceedingRevision.query(on: haven.db).filter(\.$action == "removed").count() == 1)
            #expect(try await admin.get("/app/incidents/\(code)/proceedings/\(id)/edit").status == .notFound)

            let deleted = try await admin.submit("/app/incidents/\(code)/delete", ["reason": "duplicate", "confirm": "yes"])
            #expect(deleted.status == .seeOther)
            #expect(try await ProceedingRevision.query(on: haven.db).count() == 0, "revisions go with their incident")
        }
    }

    @Test("a reader, a colleague without the restricted incident's key, and another incident's address are refused")
    func refused() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin)
            let other = try await recordIncident(admin, incidentFields(title: "Another incident", victim: "Someone Else"))
            let id = try await proceeding(admin, haven, incident: code)
            #expect(try await admin.get("/app/incidents/\(other)/proceedings/\(id)/edit").status == .notFound)
            #expect(try await admin.submit("/app/incidents/\(other)/proceedings/\(id)", fields(["decision": "x"])).status == .notFound)
            #expect(
                try await admin.submit("/app/incidents/\(other)/proceedings/\(id)/remove", ["confirm": "yes"]).status == .notFound)

            _ = try await haven.addUser(email: "vera@example.org", role: .viewer, by: admin)
            let viewer = try await haven.signedInBrowser(email: "vera@example.org")
            #expect(try await viewer.get("/app/incidents/\(code)/proceedings/\(id)/edit").status == .forbidden)
            #expect(try await viewer.submit("/app/incidents/\(code)/proceedings/\(id)", fields(["decision": "x"])).status == .forbidden)

            let secret = try await recordIncident(
                admin, incidentFields(title: "Sealed case", confidentiality: "restricted", victim: "Quite Different"))
            let sealedID = try await proceeding(admin, haven, incident: secret, court: "Sealed court")
            _ = try await haven.addUser(email: "dima@example.org", role: .documenter, by: admin)
            let dima = try await haven.signedInBrowser(email: "dima@example.org")
            #expect(try await dima.get("/app/incidents/\(secret)/proceedings/\(sealedID)/edit").status == .forbidden)
            #expect(
                try await dima.submit("/app/incidents/\(secret)/proceedings/\(sealedID)/remove", ["confirm": "yes"]).status
                    == .forbidden)
            #expect(try await Proceeding.query(on: haven.db).count() == 2)
            #expect(try await ProceedingRevision.query(on: haven.db).count() == 0)
        }
    }

    @Test("a restricted incident's earlier proceeding versions are sealed: no marker in the database")
    func sealedRevisions() async throws {
        try await withHaven(file: true) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let secret = try await recordIncident(
                admin, incidentFields(title: "Sealed case", confidentiality: "restricted", victim: "Quite Different"))
            let id = try await proceeding(admin, haven, incident: secret)
            let saved = try await admin.submit(
                "/app/incidents/\(secret)/proceedings/\(id)", fields(["decision": "Marker decision qx7z"]))
            #expect(saved.status == .seeOther)
            _ = try await admin.submit("/app/incidents/\(secret)/proceedings/\(id)", fields(["decision": "Later decision"]))
            let revisions = try await ProceedingRevision.query(on: haven.db).all()
            #expect(revisions.count == 2 && revisions.allSatisfy { StoredJSON.isSealed($0.previous) })
            #expect(try await admin.get("/app/incidents/\(secret)/proceedings/\(id)/edit").body.contains("Marker decision qx7z"))
            let files =
                FileManager.default.enumerator(at: haven.dataDirectory, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath } ?? []
            for file in files {
                #expect(try Data(contentsOf: file).range(of: Data("Marker decision".utf8)) == nil, "\(file.lastPathComponent)")
                #expect(try Data(contentsOf: file).range(of: Data(Self.court.utf8)) == nil, "\(file.lastPathComponent)")
            }
        }
    }
}
