import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import App

@Suite("What a seized disk or a searched browser shows")
struct DiskAndBrowserTests {
    @Test("a person recorded with a restricted incident keeps the day only, never the incident's moment; older times are coarsened")
    func personTimes() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin, incidentFields(confidentiality: "restricted", victim: "Timed Victim"))
            let incident = try #require(try await Incident.find(on: haven.db, code: code))
            let persons = try await Person.query(on: haven.db).all()
            #expect(!persons.isEmpty)
            for person in persons {
                #expect(person.createdAt != incident.createdAt)
                #expect(person.createdAt.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) == 0, "midnight UTC")
            }
            let exact = Date(timeIntervalSince1970: 1_700_000_123.456)
            let old = Person(id: UUID(), code: "P-OLD001", identitySealed: Data(), at: exact)
            old.createdAt = exact
            try await old.create(on: haven.db)
            try await M021_CoarsenPersonTimes().prepare(on: haven.db)
            let coarsened = try #require(try await Person.find(on: haven.db, code: "P-OLD001"))
            #expect(coarsened.createdAt == Date(timeIntervalSince1970: 1_699_920_000))
        }
    }

    @Test("restricting an incident leaves none of its clear text in the write-ahead log or the database file, without a manual checkpoint")
    func writeAheadLog() async throws {
        try await withHaven(file: true) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin, incidentFields(title: "walmarkerzq and more", victim: "Wal Victim"))
            let edit = try await admin.get("/app/incidents/\(code)/edit")
            let victim = try #require(edit.firstMatch(#"name="acts\[0\]\[victim\]" value="(P-[0-9A-Z]{6})""#))
            let actID = try #require(edit.firstMatch(#"name="acts\[0\]\[id\]" value="([0-9A-F-]{36})""#))
            let saved = try await admin.submit(
                "/app/incidents/\(code)",
                pairs: incidentFields(
                    title: "walmarkerzq and more", confidentiality: "restricted", victim: victim, extra: [("acts[0][id]", actID)]))
            #expect(saved.status == .seeOther)
            for name in ["haven.sqlite", "haven.sqlite-wal"] {
                let url = haven.dataDirectory.appendingPathComponent(name)
                guard let bytes = try? Data(contentsOf: url) else { continue }
                #expect(bytes.range(of: Data("walmarkerzq".utf8)) == nil, "\(name) still holds the restricted title")
            }
            let sql = haven.db as! any SQLDatabase
            let limit = try await sql.raw("PRAGMA journal_size_limit").first()?.decode(column: "journal_size_limit", as: Int.self)
            #expect(limit == 4_194_304)
        }
    }

    @Test("erasing a case's personal data removes its links to incidents, which would tie the figures back to them")
    func erasureUnlinks() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let incident = try await recordIncident(admin)
            let created = try await admin.submit("/app/cases", ["pseudonym": "Linked", "risk": "low", "consentsToStatistics": "yes"])
            let code = try #require(created.location?.split(separator: "/").last.map(String.init))
            #expect(try await admin.submit("/app/cases/\(code)/incidents", ["incident": incident]).status == .seeOther)
            #expect(try await CaseIncident.query(on: haven.db).count() == 1)
            _ = try await admin.submit("/app/cases/\(code)/status", ["status": "closed", "reason": "resolved"])
            #expect(try await admin.submit("/app/cases/\(code)/erase", ["confirm": "yes"]).status == .seeOther)
            #expect(try await Case.find(on: haven.db, code: code) != nil, "kept for the anonymous figures")
            #expect(try await CaseIncident.query(on: haven.db).count() == 0)
            #expect(try await CaseEvent.query(on: haven.db).all().allSatisfy { $0.kind != .incident && !$0.detail.contains(incident) })
        }
    }

    @Test("after restricted → internal the revision history opens: sealed earlier revisions for their holders, marked sealed for others")
    func revisionsAfterUnrestricting() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "doc@example.org", role: .documenter, by: admin)
            let code = try await recordIncident(admin, incidentFields(title: "First title", confidentiality: "restricted"))
            func save(_ title: String, _ confidentiality: String) async throws {
                let edit = try await admin.get("/app/incidents/\(code)/edit")
                let victim = try #require(edit.firstMatch(#"name="acts\[0\]\[victim\]" value="(P-[0-9A-Z]{6})""#))
                let actID = try #require(edit.firstMatch(#"name="acts\[0\]\[id\]" value="([0-9A-F-]{36})""#))
                let saved = try await admin.submit(
                    "/app/incidents/\(code)",
                    pairs: incidentFields(
                        title: title, confidentiality: confidentiality, victim: victim, extra: [("acts[0][id]", actID)]))
                #expect(saved.status == .seeOther)
            }
            try await save("Second title", "restricted")
            try await save("Third title", "internal")
            let history = try await admin.get("/app/incidents/\(code)/revisions")
            #expect(history.status == .ok && history.body.contains("First title") && history.body.contains("Second title"))
            let documenter = try await haven.signedInBrowser(email: "doc@example.org")
            let theirs = try await documenter.get("/app/incidents/\(code)/revisions")
            #expect(theirs.status == .ok)
            #expect(
                !theirs.body.contains("First title")
                    && theirs.body.contains(haven.app.haven.localization.string("incident_revision_sealed", .en)))
        }
    }

    @Test("public pages set no cookie; a reporter's language stays in the session; intake fields are not remembered by the browser")
    func browserTraces() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let reader = haven.browser()
            for path in ["/incidents", "/", "/news", "/about"] {
                let page = try await reader.get(path)
                #expect(page.status == .ok && page.headers[.setCookie].isEmpty, "\(path) set a cookie")
            }
            let visitor = haven.browser()
            let form = try await visitor.get("/report/help")
            #expect(form.headers.first(name: "Strict-Transport-Security") == nil, "no HSTS without an https address")
            #expect(form.headers.first(name: .setCookie)?.hasPrefix("haven_session=") == true)
            #expect(form.body.contains(#"<form method="post" action="/report/help" autocomplete="off""#))
            for field in ["narrative", "country", "city", "when", "contact"] {
                #expect(form.body.contains(#"id="\#(field)" autocomplete="off""#), "\(field) may be remembered")
            }
            let chosen = try await visitor.submit("/language", ["lang": "ru", "back": "/report/help"])
            #expect(chosen.status == .seeOther && chosen.headers[.setCookie].isEmpty, "no language cookie")
            #expect(try await visitor.get("/report/help").body.contains(#"<html lang="ru">"#))
        }
    }

    @Test("with an https address: HSTS on every response and a __Host- session cookie that is Secure")
    func https() async throws {
        try await withHaven(adjust: { $0.publicURL = URL(string: "https://haven.example.org") }) { haven in
            let page = try await haven.browser().get("/report/help")
            #expect(page.headers.first(name: "Strict-Transport-Security") == "max-age=31536000")
            let cookie = try #require(page.headers.first(name: .setCookie))
            #expect(
                cookie.hasPrefix("__Host-haven_session=") && cookie.contains("Secure") && cookie.contains("Path=/")
                    && !cookie.contains("Domain"))
        }
    }
}
