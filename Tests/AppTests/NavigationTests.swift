import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Navigation by role")
struct NavigationTests {
    @Test("the navigation shows only what the role can open, and every link it shows opens", arguments: StaffRole.allCases)
    func onlyWhatTheRoleOpens(role: StaffRole) async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            var browser = admin
            if role != .administrator {
                _ = try await haven.addUser(email: "\(role.rawValue)@example.org", role: role, by: admin)
                browser = try await haven.signedInBrowser(email: "\(role.rawValue)@example.org")
            }
            let dashboard = try await browser.get("/app")
            let nav = try #require(dashboard.body.components(separatedBy: "<nav aria-label=").dropFirst().first)
            let links: [(String, Capability)] = [
                ("/app/inbox", .triagesIntake), ("/app/cases", .runsCases), ("/app/incidents", .readsDocumentation),
                ("/app/hearings", .readsDocumentation), ("/app/publications", .writesPublications),
                ("/app/ingest", .writesDocumentation), ("/app/admin/users", .managesUsers),
            ]
            for (path, capability) in links {
                let shown = nav.contains("href=\"\(path)\"")
                #expect(shown == role.can(capability), "\(role): \(path)")
                if shown { #expect(try await browser.get(path).status == .ok, "\(role): \(path) is shown but does not open") }
            }
        }
    }
}

@Suite("Persons offered and act rows refused")
struct PersonOfferTests {
    @Test("filler words (“of”, “из”, “de”) offer no recorded person; a refused act row says which field and why")
    func fillersAndReasons() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await recordIncident(admin, incidentFields(victim: "Maria de la Cruz"))
            let fillers = try await admin.submit("/app/incidents", pairs: incidentFields(title: "Second", victim: "Ion de Munte"))
            #expect(fillers.status == .seeOther, "“de” alone offers no one")
            let shared = try await admin.submit("/app/incidents", pairs: incidentFields(title: "Third", victim: "Maria Ionescu"))
            #expect(shared.status == .unprocessableEntity && shared.body.contains("matches recorded persons"))
            let badDate = try await admin.submit(
                "/app/incidents", pairs: incidentFields(title: "Fourth", victim: "P-NOSUCH1", extra: [("acts[0][date]", "not a date")]))
            #expect(badDate.status == .unprocessableEntity && badDate.body.contains("Date of the act: "))
        }
    }
}
