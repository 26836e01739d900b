import Fluent
import Foundation
import HavenVault
import Testing
import Vapor

@testable import App

@Suite("Administrators manage users")
struct AdminUsersTests {
    @Test("invite, choose a password with the code, sign in; the code works once", arguments: TestDatabase.all)
    func invitation(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let bad = try await admin.submit("/app/admin/users/invite", ["email": "not an email", "role": "caseworker"])
            #expect(
                bad.status == .unprocessableEntity && bad.body.contains("id=\"email-error\"") && bad.body.contains("value=\"not an email\"")
            )
            let taken = try await admin.submit("/app/admin/users/invite", ["email": "admin@example.org", "role": "caseworker"])
            #expect(taken.status == .unprocessableEntity && taken.body.contains("already exists"))

            let done = try await admin.submit("/app/admin/users/invite", ["email": "ion@example.org", "role": "documenter"])
            #expect(done.status == .created)
            let code = try #require(done.shownCode)
            let invited = try #require(try await User.query(on: haven.db).filter(\.$status == .invited).first())
            #expect(invited.role == .documenter && invited.passwordSealedPrivateKey == nil)

            let newcomer = haven.browser()
            let weak = try await newcomer.submit("/welcome", ["code": code, "password": "short", "passwordConfirmation": "short"])
            #expect(weak.status == .unprocessableEntity && weak.body.contains("value=\"\(code)\""))
            let wrongCode = try await newcomer.submit(
                "/welcome",
                [
                    "code": HumanCode.random().description, "password": goodPassword,
                    "passwordConfirmation": goodPassword,
                ])
            #expect(wrongCode.status == .unprocessableEntity && wrongCode.body.contains("id=\"code-error\""))
            let accepted = try await newcomer.submit(
                "/welcome", ["code": code, "password": goodPassword, "passwordConfirmation": goodPassword])
            #expect(accepted.status == .seeOther && accepted.location == "/recovery-code")
            let again = try await newcomer.submit(
                "/welcome", ["code": code, "password": goodPassword, "passwordConfirmation": goodPassword])
            #expect(again.status == .unprocessableEntity)

            let ion = try await haven.signedInBrowser(email: "ion@example.org")
            #expect(try await ion.get("/app").body.contains("Documenter"))
            #expect(try await ion.get("/app/admin/users").status == .forbidden)
            #expect(
                try await ion.submit("/app/admin/users/invite", ["email": "x@example.org", "role": "administrator"]).status == .forbidden)
            #expect(try await User.query(on: haven.db).count() == 2)
        }
    }

    @Test("the user list shows e-mails decrypted for administrators only, escaped")
    func listing() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let hostile = "<script>alert(1)</script>\"onmouseover=x@example.org"
            _ = try await haven.addUser(email: hostile, role: .editor, by: admin)
            let page = try await admin.get("/app/admin/users")
            #expect(page.status == .ok)
            #expect(page.body.contains("admin@example.org"))
            #expect(!page.body.contains("<script>alert(1)</script>"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(try await User.query(on: haven.db).all().allSatisfy { !$0.emailSealed.contains(Data("example.org".utf8)) })
        }
    }

    @Test("disabling ends the user's sessions at once; roles change; the last administrator is protected", arguments: TestDatabase.all)
    func disableAndRoles(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let ionID = try await haven.addUser(email: "ion@example.org", role: .caseworker, by: admin)
            let ion = try await haven.signedInBrowser(email: "ion@example.org")
            #expect(try await ion.get("/app").status == .ok)

            #expect(try await admin.submit("/app/admin/users/\(ionID)/disable", [:]).status == .seeOther)
            #expect(try await ion.get("/app").location == "/login")
            #expect(await haven.app.haven.sessions.count(userID: ionID) == 0)
            let refused = haven.browser()
            #expect(try await refused.submit("/login", ["email": "ion@example.org", "password": goodPassword]).status == .unauthorized)

            _ = try await admin.submit("/app/admin/users/\(ionID)/enable", [:])
            #expect(try await admin.submit("/app/admin/users/\(ionID)/role", ["role": "administrator"]).status == .seeOther)
            let promoted = try await haven.signedInBrowser(email: "ion@example.org")
            let list = try await promoted.get("/app/admin/users")
            #expect(list.status == .ok && list.body.contains("admin@example.org"))

            let adminID = try #require(
                try await User.find(on: haven.db, emailLookup: haven.app.haven.lookupKey.emailLookup("admin@example.org"))?.requireID())
            #expect(try await admin.submit("/app/admin/users/\(adminID)/disable", [:]).status == .conflict)
            #expect(try await admin.submit("/app/admin/users/\(ionID)/role", ["role": "viewer"]).status == .seeOther)
            #expect(try await promoted.get("/app/admin/users").status == .forbidden)
            let copies = try await KeyGrant.query(on: haven.db).filter(\.$holder.$id == ionID).all().map(\.recordID)
            #expect(
                Set(copies) == [SealedRecord.documentation.id, SealedRecord.colleagues.id],
                "a viewer keeps the documentation and colleagues keys, loses the staff directory")
            #expect(try await admin.submit("/app/admin/users/\(ionID)/role", ["role": "editor"]).status == .seeOther)
            #expect(
                try await KeyGrant.query(on: haven.db).filter(\.$holder.$id == ionID).all().map(\.recordID) == [SealedRecord.colleagues.id],
                "an editor keeps only the colleagues key")
            #expect(try await admin.submit("/app/admin/users/\(UUID())/disable", [:]).status == .notFound)
            #expect(try await admin.submit("/app/admin/users/\(ionID)/role", ["role": "emperor"]).status == .badRequest)
        }
    }
}
