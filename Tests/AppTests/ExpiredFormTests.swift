import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Staff forms outlive their session")
struct ExpiredFormTests {
    static let note = "A long note typed over half an hour.\nIt must not be lost when the session ends."

    @Test("a stale token brings the typed text back with a fresh one; sending it again saves, and nothing is stored before")
    func staleToken() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await openCase(admin)
            let expired = try await admin.submit("/app/cases/\(code)/notes", ["body": Self.note], csrf: .some("stale-token"))
            #expect(expired.status == .forbidden && expired.body.contains("nothing was saved"))
            #expect(
                expired.body.contains("It must not be lost when the session ends.")
                    && expired.body.contains("action=\"/app/cases/\(code)/notes\""))
            #expect(try await CaseNote.query(on: haven.db).count() == 1, "only the first note")
            let token = try #require(expired.firstMatch(#"name="csrf" value="([^"]+)""#))
            let again = try await admin.submit("/app/cases/\(code)/notes", ["body": Self.note], csrf: .some(token))
            #expect(again.status == .seeOther)
            #expect(try await CaseNote.query(on: haven.db).count() == 2)
        }
    }

    @Test("after the session ended, the form comes back; signing in again and refreshing gives a token for the original action")
    func endedSession() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let fields = ["pseudonym": "Kept Client", "risk": "high", "notes": Self.note]
            _ = try await admin.submit("/logout", [:])
            let before = try await Case.query(on: haven.db).count()
            let expired = try await admin.submit("/app/cases", fields)
            #expect(expired.status == .forbidden && expired.body.contains("action=\"/form/again\""))
            #expect(
                expired.body.contains("name=\"expiredFormAction\" value=\"/app/cases\"") && expired.body.contains("value=\"Kept Client\""))
            #expect(expired.body.contains("It must not be lost") && expired.body.contains("href=\"/login\" target=\"_blank\""))
            let stillOut = try await admin.submit(
                "/form/again", fields.merging(["expiredFormAction": "/app/cases"]) { a, _ in a }, csrf: .some(nil))
            #expect(stillOut.status == .forbidden && stillOut.body.contains("action=\"/form/again\""), "still signed out: the same page")

            let browser = try await haven.signedInBrowser()
            let refreshed = try await browser.submit(
                "/form/again", fields.merging(["expiredFormAction": "/app/cases"]) { a, _ in a }, csrf: .some(nil))
            #expect(refreshed.body.contains("action=\"/app/cases\"") && refreshed.body.contains("value=\"Kept Client\""))
            let token = try #require(refreshed.firstMatch(#"name="csrf" value="([^"]+)""#))
            #expect(try await Case.query(on: haven.db).count() == before, "nothing stored before it is sent again")
            let sent = try await browser.submit("/app/cases", fields, csrf: .some(token))
            #expect(sent.status == .seeOther)
            #expect(try await Case.query(on: haven.db).count() == before + 1)
        }
    }

    @Test("passwords typed into an expired form are never written back into the page")
    func noPasswordsEchoed() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let fields = [
                "current": "Typed-Secret-4711", "password": "Typed-Secret-4711", "passwordConfirmation": "Typed-Secret-4711",
                "label": "kept label",
            ]
            let expired = try await admin.submit("/app/account/password", fields, csrf: .some("stale-token"))
            #expect(expired.status == .forbidden && expired.body.contains("kept label"))
            #expect(!expired.body.contains("Typed-Secret-4711"))
        }
    }

    @Test("the refresh goes back only to a staff page of this site")
    func onlyLocalStaffActions() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            for target in ["https://evil.example/app/x", "//evil.example/app/x", "/report/help", "/login", ""] {
                let page = try await admin.submit("/form/again", ["expiredFormAction": target, "x": "1"], csrf: .some(nil))
                #expect(page.status == .badRequest, "\(target)")
            }
        }
    }
}
