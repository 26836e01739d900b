import Fluent
import Foundation
import HavenDomain
import HavenVault
import Testing
import Vapor

@testable import App

@Suite("Passwords and recovery")
struct AccountTests {
    @Test("changing the password re-seals the same key pair and ends the other sessions", arguments: TestDatabase.all)
    func changePassword(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let before = try #require(try await User.query(on: haven.db).first())
            let other = try await haven.signedInBrowser()
            let browser = try await haven.signedInBrowser()
            _ = try await browser.get("/app/account")
            let newPassword = "amber river quiet 2020"
            let wrong = try await browser.submit(
                "/app/account/password",
                [
                    "current": "not my password", "password": newPassword,
                    "passwordConfirmation": newPassword,
                ])
            #expect(wrong.status == .unprocessableEntity && wrong.body.contains("id=\"current-error\""))
            let mismatch = try await browser.submit(
                "/app/account/password",
                [
                    "current": goodPassword, "password": newPassword,
                    "passwordConfirmation": newPassword + "!",
                ])
            #expect(mismatch.status == .unprocessableEntity && mismatch.body.contains("id=\"password-error\""))
            let changed = try await browser.submit(
                "/app/account/password",
                [
                    "current": goodPassword, "password": newPassword,
                    "passwordConfirmation": newPassword,
                ])
            #expect(changed.status == .seeOther)
            #expect(try await browser.get("/app").status == .ok)
            #expect(try await other.get("/app").location == "/login")
            let after = try #require(try await User.find(before.requireID(), on: haven.db))
            #expect(after.publicKey == before.publicKey && after.verifierHash != before.verifierHash)
            let old = haven.browser()
            #expect(try await old.submit("/login", ["email": "admin@example.org", "password": goodPassword]).status == .unauthorized)
            _ = try await haven.signedInBrowser(password: newPassword)
        }
    }

    @Test("the recovery key resets a lost password without changing the key pair; a wrong key is refused", arguments: TestDatabase.all)
    func recovery(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            let setup = try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let ionID = try await haven.addUser(email: "ion@example.org", role: .caseworker, by: admin)
            let before = try #require(try await User.find(ionID, on: haven.db))

            await #expect(throws: AccountError.wrongRecoveryKey) {
                _ = try await haven.app.haven.accounts.recover(
                    email: EmailAddress("ion@example.org")!,
                    recoveryPrivateKey: Curve25519.KeyAgreement.PrivateKey(), on: haven.db)
            }
            await #expect(throws: AccountError.noSuchUser) {
                _ = try await haven.app.haven.accounts.recover(
                    email: EmailAddress("nobody@example.org")!,
                    recoveryPrivateKey: try RecoveryKey.parse(setup.recoveryKey), on: haven.db)
            }
            let printed = try await haven.run(RecoverCommand(), ["--email", "ion@example.org"], input: [setup.recoveryKey])
            let code = try #require(
                printed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .first { $0.count == 32 && $0.split(separator: "-").count == 7 })
            let ion = haven.browser()
            _ = try await ion.get("/welcome")
            let newPassword = "granite window orchard"
            #expect(
                try await ion.submit("/welcome", ["code": code, "password": newPassword, "passwordConfirmation": newPassword]).status
                    == .seeOther)
            let after = try #require(try await User.find(ionID, on: haven.db))
            #expect(after.publicKey == before.publicKey)
            _ = try await haven.signedInBrowser(email: "ion@example.org", password: newPassword)
            let actions = try await AuditEntry.query(on: haven.db).all().map(\.action)
            #expect(actions.contains("user.recover") && actions.contains("user.password.recovery"))

            await #expect(throws: CommandFailure.self) {
                _ = try await haven.run(RecoverCommand(), ["--email", "ion@example.org"], input: ["AAAA-BBBB"])
            }
        }
    }
}
