import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Demo")
struct DemoTests {
    @Test(
        "the demo data has a working login per role, an incident for each seed news item that describes one, and all six as publications",
        arguments: TestDatabase.all)
    func data(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            let logins = try await DemoData.fill(app: haven.app)
            #expect(logins.map(\.role) == StaffRole.allCases, "a login for every role, the administrator first")
            for login in logins.dropFirst() {
                let browser = try await haven.signedInBrowser(email: login.email, password: DemoData.password)
                #expect(try await browser.get("/app").status == .ok, "\(login.role)")
            }
            let documenter = try await haven.signedInBrowser(email: "documenter@demo.example", password: DemoData.password)
            let list = try await documenter.get("/app/incidents")
            #expect(list.body.contains("Incidents found: 5"))
            for expected in ["Kazakhstan", "Khabarovsk", "Chișinău", "Chechnya", "Restricted incident"] {
                #expect(list.body.contains(expected), "\(expected)")
            }
            let khabarovsk = try await documenter.get("/app/incidents?q=хабаровск")
            #expect(khabarovsk.body.contains("Incidents found: 1") && khabarovsk.body.contains("Khabarovsk activist"))
            #expect(try await documenter.get("/app/incidents?q=chisinau").body.contains("Incidents found: 1"))
            let family = try #require(try await Incident.query(on: haven.db).filter(\.$country == "KZ").first())
            #expect(family.startDate == "2020-02" && family.startFrom == "2020-02-01" && family.endTo == "2020-02-29")
            let page = try await documenter.get("/app/incidents/\(family.code)")
            #expect(page.body.contains("Daniyar K. (demo)") && page.body.contains("Ruslan S. (demo)") && page.body.contains("Family"))
            let visitor = try await haven.browser().get("/incidents")
            #expect(
                visitor.body.contains("Incidents found: 3") && !visitor.body.contains(family.code) && !visitor.body.contains("Testimony"))
            let home = try await haven.browser().get("/")
            #expect(home.body.components(separatedBy: "<article class=\"message\"").count - 1 == 6)
            let joint = try await haven.browser().get("/p/russia-endangers-online-freedoms-around-the-world")
            #expect(joint.body.contains("Signatories (52)") && joint.body.contains("UN Human Rights Council"))
            let march = try await haven.browser().get("/p/equality-march-in-chisinau-without-fear-to-love/ro")
            #expect(
                march.body.contains("Marșul egalității") && march.body.contains("Participanți: 350") && march.body.contains("/incidents/I-")
            )
            #expect(try await haven.browser().get("/search?q=конституцию").body.contains("our-position-on-the-constitutional-amendments"))
            let caseworker = try await haven.signedInBrowser(email: "caseworker@demo.example", password: DemoData.password)
            let restricted = try #require(try await Incident.query(on: haven.db).filter(\.$confidentiality == .restricted).first())
            #expect(try await caseworker.get("/app/incidents/\(restricted.code)").status == .forbidden)
        }
    }

    @Test("`haven demo --exit` builds a throwaway instance, prints the logins and removes it")
    func command() async throws {
        try await withHaven { haven in
            let printed = try await haven.run(DemoCommand(), ["--exit"])
            #expect(
                printed.contains("admin@demo.example") && printed.contains("documenter@demo.example") && printed.contains(DemoData.password)
            )
            for role in ["coordinator", "editor", "viewer", "caseworker"] { #expect(printed.contains("\(role)@demo.example")) }
            let logins = try #require(printed.range(of: "Logins, one per role"))
            #expect(logins.lowerBound < (printed.range(of: "Haven demo at")?.lowerBound ?? printed.startIndex), "the logins come first")
            let path = try #require(printed.firstMatch(of: #/instance in (\S+), deleted/#)?.1)
            #expect(!FileManager.default.fileExists(atPath: String(path)))
            #expect(try await Organisation.current(on: haven.db) == nil)
        }
    }
}
