import Fluent
import Foundation
import Testing
import Vapor

@testable import App

@Suite("Staff are shown by their display names")
struct DisplayNameTests {
    static let adminName = "Marker Adminka Qzv"
    static let caseworkerName = "Marker Vladko Kxw"

    /// Invites a caseworker with a display name chosen at invitation and lets them in; returns their id.
    @discardableResult func inviteNamed(_ haven: TestHaven, by admin: Browser) async throws -> UUID {
        let invited = try await admin.submit(
            "/app/admin/users/invite", ["email": "vlad@example.org", "role": "caseworker", "displayName": Self.caseworkerName])
        #expect(invited.status == .created)
        let code = try #require(invited.shownCode)
        let welcomed = try await haven.browser().submit(
            "/welcome", ["code": code, "password": goodPassword, "passwordConfirmation": goodPassword])
        #expect(welcomed.status == .seeOther)
        let user = try #require(try await User.find(on: haven.db, emailLookup: haven.app.haven.lookupKey.emailLookup("vlad@example.org")))
        return try user.requireID()
    }

    @Test("names chosen at invitation and on the account page appear in holders, timelines, revisions and the audit log, never ids")
    func namesEverywhere() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            #expect(try await admin.submit("/app/account/name", ["displayName": Self.adminName]).status == .seeOther)
            #expect(try await admin.get("/app/account").body.contains("value=\"\(Self.adminName)\""))
            let vladID = try await inviteNamed(haven, by: admin)
            let code = try await openCase(admin)
            #expect(try await admin.submit("/app/cases/\(code)/assign", ["colleague": vladID.uuidString]).status == .seeOther)

            let vlad = try await haven.signedInBrowser(email: "vlad@example.org")
            let seen = try await vlad.get("/app/cases/\(code)")
            #expect(seen.status == .ok && seen.body.contains(Self.adminName), "the colleague who opened the case, by name")
            let holders = try await admin.get("/app/cases/\(code)")
            #expect(holders.body.contains(Self.caseworkerName), "the holder and the assignment in the timeline")
            #expect(
                !holders.body.contains("#" + vladID.uuidString.prefix(8)) && !holders.body.contains(">\(vladID.uuidString)<"),
                "no internal id shown")

            let incident = try await recordIncident(admin)
            let edit = try await admin.get("/app/incidents/\(incident)/edit")
            let actID = try #require(edit.firstMatch(#"name="acts\[0\]\[id\]" value="([0-9A-F-]{36})""#))
            let victim = try #require(edit.firstMatch(#"name="acts\[0\]\[victim\]" value="(P-[0-9A-Z]{6})""#))
            let saved = try await admin.submit(
                "/app/incidents/\(incident)",
                pairs: incidentFields(title: "Renamed incident", victim: victim, extra: [("acts[0][id]", actID)]))
            #expect(saved.status == .seeOther)
            #expect(try await admin.get("/app/incidents/\(incident)/revisions").body.contains(Self.adminName))
            let audit = try await admin.get("/app/admin/audit")
            #expect(audit.body.contains(Self.adminName) && audit.body.contains(Self.caseworkerName))
            #expect(try await admin.get("/app/admin/users").body.contains(Self.caseworkerName))
        }
    }

    @Test("an empty or overlong name is refused next to the field and changes nothing; nobody renames another")
    func refusedNames() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            #expect(try await admin.submit("/app/account/name", ["displayName": Self.adminName]).status == .seeOther)
            for bad in ["   ", String(repeating: "x", count: Colleagues.maximumLength + 1)] {
                let page = try await admin.submit("/app/account/name", ["displayName": bad])
                #expect(page.status == .unprocessableEntity && page.body.contains("field-error"))
            }
            try await inviteNamed(haven, by: admin)
            let vlad = try await haven.signedInBrowser(email: "vlad@example.org")
            #expect(
                try await vlad.submit("/app/account/name", ["displayName": "Changed by Vlad", "user": UUID().uuidString]).status
                    == .seeOther)
            let users = try await admin.get("/app/admin/users")
            #expect(users.body.contains(Self.adminName) && users.body.contains("Changed by Vlad"), "each renames only themselves")
            #expect(!users.body.contains(Self.caseworkerName))
        }
    }

    @Test("display names never reach the data directory in clear")
    func markers() async throws {
        try await withHaven(file: true) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            #expect(try await admin.submit("/app/account/name", ["displayName": Self.adminName]).status == .seeOther)
            try await inviteNamed(haven, by: admin)
            let files =
                FileManager.default.enumerator(at: haven.dataDirectory, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath } ?? []
            #expect(files.contains { $0.lastPathComponent == "haven.sqlite" })
            for file in files {
                let bytes = try Data(contentsOf: file)
                for marker in ["Marker Adminka", "Marker Vladko", "Adminka Qzv", "Vladko Kxw"] {
                    #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker) in \(file.lastPathComponent)")
                }
            }
        }
    }
}
