import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Incidents")
struct IncidentTests {
    @Test(
        "one-flow entry without JavaScript: incident, act, new person and source in one post; dates keep their precision",
        arguments: TestDatabase.all)
    func oneFlow(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let form = try await admin.get("/app/incidents/new")
            #expect(form.status == .ok && form.body.contains("name=\"acts[0][victim]\"") && !form.body.contains("<script"))
            let code = try await recordIncident(admin)
            #expect(code.hasPrefix("I-"))
            let page = try await admin.get("/app/incidents/\(code)")
            #expect(page.status == .ok)
            for text in [
                "Activist fined", "2020-06", "Marker Victim", "Fined 50,000 roubles", "Court ruling reported", "Courtroom 4",
                "Administrative “LGBT propaganda” case".prefix(10).description,
            ] {
                #expect(page.body.contains(text), "\(text)")
            }
            let personCode = try #require(page.firstMatch(#"/app/persons/(P-[0-9A-Z]{6})"#))
            let record = try #require(try await Incident.find(on: haven.db, code: code))
            #expect(record.startDate == "2020-06" && record.startFrom == "2020-06-01" && record.endTo == "2020-06-30")
            #expect(try await Person.query(on: haven.db).count() == 1)
            let person = try await admin.get("/app/persons/\(personCode)")
            #expect(person.status == .ok && person.body.contains("Marker Victim") && person.body.contains(code))
            #expect(try await admin.get("/app/incidents").body.contains(code))
        }
    }

    @Test("a form with problems comes back with everything typed and each problem by its field; nothing is stored")
    func validation() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await admin.get("/app/incidents/new")
            let fields = incidentFields(
                title: "",
                extra: [
                    ("startDate", "2020-02-30"), ("victims", "several"), ("sources[0][url]", "javascript:alert(1)"),
                    ("description", "Typed <b>text</b> kept"),
                ])
            let again = try await admin.submit("/app/incidents", pairs: fields)
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.contains("Typed &lt;b&gt;text&lt;/b&gt; kept"))
            #expect(
                again.body.contains("value=\"2020-02-30\"") && again.body.contains("value=\"several\"")
                    && again.body.contains("value=\"Marker Victim\""))
            #expect(again.body.contains("id=\"title-error\"") && again.body.contains("id=\"startDate-error\""))
            #expect(again.body.contains("Write a full address starting with https://"))
            #expect(again.body.contains("value=\"V4.1\" checked"))
            #expect(try await Incident.query(on: haven.db).count() == 0)
            #expect(try await Person.query(on: haven.db).count() == 0)

            let more = try await admin.submit("/app/incidents", pairs: incidentFields() + [("more", "act")])
            #expect(more.status == .ok && more.body.contains("name=\"acts[1][victim]\"") && more.body.contains("value=\"Marker Victim\""))
            #expect(try await Incident.query(on: haven.db).count() == 0)

            let withoutToken = try await admin.post(
                "/app/incidents", body: incidentFields().map { Browser.formEncode([$0.0: $0.1]) }.joined(separator: "&"))
            #expect(withoutToken.status == .forbidden)
            #expect(try await Incident.query(on: haven.db).count() == 0)
        }
    }

    @Test("a typed name that matches recorded persons offers them first; choosing one links it, no duplicate is made")
    func duplicatePersons() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let first = try await recordIncident(admin, incidentFields(victim: "Ivan Petrov"))
            let personCode = try #require(try await admin.get("/app/incidents/\(first)").firstMatch(#"/app/persons/(P-[0-9A-Z]{6})"#))
            let offered = try await admin.submit("/app/incidents", pairs: incidentFields(title: "Second", victim: "ivan"))
            #expect(offered.status == .unprocessableEntity)
            #expect(offered.body.contains("value=\"\(personCode)\"") && offered.body.contains("Ivan Petrov"))
            #expect(try await Incident.query(on: haven.db).count() == 1)
            let chosen = try await admin.submit(
                "/app/incidents", pairs: incidentFields(title: "Second", victim: "ivan", extra: [("acts[0][victimChoice]", personCode)]))
            #expect(chosen.status == .seeOther)
            #expect(try await Person.query(on: haven.db).count() == 1)
            let fresh = try await admin.submit(
                "/app/incidents", pairs: incidentFields(title: "Third", victim: "Ivan", extra: [("acts[0][victimChoice]", "new")]))
            #expect(fresh.status == .seeOther)
            #expect(try await Person.query(on: haven.db).count() == 2)
            let byCode = try await admin.submit("/app/incidents", pairs: incidentFields(title: "Fourth", victim: personCode.lowercased()))
            #expect(byCode.status == .seeOther)
            #expect(try await Person.query(on: haven.db).count() == 2)
            let person = try await admin.get("/app/persons/\(personCode)")
            #expect(person.body.contains(first) && person.body.contains("Fourth"))
        }
    }

    @Test("every edit keeps a revision: who, when, which fields, the value before", arguments: TestDatabase.all)
    func revisions(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin)
            let edit = try await admin.get("/app/incidents/\(code)/edit")
            #expect(edit.body.contains("value=\"Activist fined for “propaganda” in Khabarovsk\"") || edit.body.contains("Activist fined"))
            let actID = try #require(edit.firstMatch(#"name="acts\[0\]\[id\]" value="([0-9A-F-]{36})""#))
            let victimCode = try #require(edit.firstMatch(#"name="acts\[0\]\[victim\]" value="(P-[0-9A-Z]{6})""#))
            let saved = try await admin.submit(
                "/app/incidents/\(code)",
                pairs: incidentFields(
                    title: "Activist fined twice", victim: victimCode, extra: [("startDate", "2020-06-08"), ("acts[0][id]", actID)]))
            #expect(saved.status == .seeOther)
            let revisions = try await admin.get("/app/incidents/\(code)/revisions")
            #expect(
                revisions.status == .ok && revisions.body.contains("Activist fined for “propaganda” in Khabarovsk")
                    && revisions.body.contains(">2020-06<"))
            #expect(try await IncidentRevision.query(on: haven.db).count() == 1)
            #expect(try await Act.query(on: haven.db).count() == 1)
            let unchanged = try await admin.submit(
                "/app/incidents/\(code)",
                pairs: incidentFields(
                    title: "Activist fined twice", victim: victimCode, extra: [("startDate", "2020-06-08"), ("acts[0][id]", actID)]))
            #expect(unchanged.status == .seeOther)
            #expect(try await IncidentRevision.query(on: haven.db).count() == 1)
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "incident.update").count() == 1)
        }
    }

    @Test("roles: editors see no documentation, viewers read but cannot write")
    func roles() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin)
            _ = try await haven.addUser(email: "eva@example.org", role: .editor, by: admin)
            _ = try await haven.addUser(email: "vic@example.org", role: .viewer, by: admin)
            let eva = try await haven.signedInBrowser(email: "eva@example.org")
            #expect(try await eva.get("/app/incidents").status == .forbidden)
            #expect(try await eva.get("/app/incidents/\(code)").status == .forbidden)
            let vic = try await haven.signedInBrowser(email: "vic@example.org")
            let read = try await vic.get("/app/incidents/\(code)")
            #expect(read.status == .ok && read.body.contains("Marker Victim"))
            #expect(try await vic.get("/app/incidents/new").status == .forbidden)
            #expect(try await vic.submit("/app/incidents", pairs: incidentFields()).status == .forbidden)
        }
    }
}

@Suite("Reports into incidents")
struct ReportToIncidentTests {
    @Test("an anonymous report fills a restricted incident form for a recipient; others get 403 and nothing")
    func prefill() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await sendReport(haven, kind: "violation", narrative: "They beat us at the bus station in Chișinău on 2024-05-17.")
            let report = try #require(try await Report.query(on: haven.db).first())
            let inbox = try await admin.get("/app/inbox/\(report.requireID())")
            #expect(inbox.body.contains("/app/incidents/new?report=\(try report.requireID())"))
            let form = try await admin.get("/app/incidents/new?report=\(try report.requireID())")
            #expect(form.status == .ok && form.body.contains("They beat us at the bus station"))
            #expect(form.body.contains("value=\"MD\" selected") && form.body.contains("value=\"Chișinău\""))
            #expect(form.body.contains("value=\"restricted\" checked") && form.body.contains("value=\"testimony\" selected"))
            _ = try await haven.addUser(email: "dana@example.org", role: .documenter, by: admin)
            let dana = try await haven.signedInBrowser(email: "dana@example.org")
            let denied = try await dana.get("/app/incidents/new?report=\(try report.requireID())")
            #expect(denied.status == .forbidden && !denied.body.contains("bus station"))
            #expect(try await dana.get("/app/incidents/new?report=\(UUID())").status == .notFound)
        }
    }
}

@Suite("Cases and incidents")
struct CaseIncidentTests {
    @Test(
        "a case links to incidents by code; an unknown code keeps what was typed; only the case's holders see the link",
        arguments: TestDatabase.all)
    func link(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let incident = try await recordIncident(admin)
            let secret = try await recordIncident(
                admin, incidentFields(title: "Secret one", confidentiality: "restricted", victim: "Other Name"))
            let caseCode = try await openCase(admin)
            let unknown = try await admin.submit("/app/cases/\(caseCode)/incidents", ["incident": "I-ZZZZZZ"])
            #expect(
                unknown.status == .unprocessableEntity && unknown.body.contains("value=\"I-ZZZZZZ\"")
                    && unknown.body.contains("incident-error"))
            #expect(try await admin.submit("/app/cases/\(caseCode)/incidents", ["incident": incident.lowercased()]).status == .seeOther)
            #expect(try await admin.submit("/app/cases/\(caseCode)/incidents", ["incident": incident]).status == .seeOther)
            #expect(try await admin.submit("/app/cases/\(caseCode)/incidents", ["incident": secret]).status == .seeOther)
            let page = try await admin.get("/app/cases/\(caseCode)")
            #expect(
                page.body.contains(incident) && page.body.contains("Activist fined") && page.body.contains(secret)
                    && !page.body.contains("Secret one"))
            #expect(try await CaseIncident.query(on: haven.db).count() == 2)
            #expect(try await CaseEvent.query(on: haven.db).filter(\.$kind == .incident).count() == 2)
            #expect(!(try await admin.get("/app/incidents/\(incident)")).body.contains(caseCode))
            _ = try await haven.addUser(email: "cw@example.org", role: .caseworker, by: admin)
            let other = try await haven.signedInBrowser(email: "cw@example.org")
            #expect(try await other.submit("/app/cases/\(caseCode)/incidents", ["incident": incident]).status == .forbidden)
        }
    }
}
