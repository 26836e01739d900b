import Fluent
import Foundation
import HavenVault
import Testing
import Vapor

@testable import App

@Suite("First-time setup in the browser")
struct SetupFlowTests {
    @Test("code, organisation and administrator; the recovery key is shown once; nothing is stored before it is confirmed")
    func fullFlow() async throws {
        try await withHaven { haven in
            let setupCode = try #require(haven.app.haven.setupCode)
            let browser = haven.browser()
            let form = try await browser.get("/login")
            #expect(form.status == .seeOther && form.location == "/setup")
            #expect(try await browser.get("/").location == "/setup", "the home page points to setup while it is pending")
            #expect(haven.app.setupAddress.hasPrefix("http://") && haven.app.setupAddress.hasSuffix("/setup"))
            _ = try await browser.get("/setup")

            let wrong = try await browser.submit(
                "/setup",
                [
                    "code": "AAAA-BBBB", "organisation": "GENDERDOC-M", "email": "ana@example.org",
                    "password": goodPassword, "passwordConfirmation": goodPassword,
                ])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("value=\"GENDERDOC-M\"") && wrong.body.contains("value=\"ana@example.org\""))
            #expect(wrong.body.contains("id=\"code-error\""))
            #expect(!wrong.body.contains(goodPassword))

            let weak = try await browser.submit(
                "/setup",
                [
                    "code": setupCode.description, "organisation": "GENDERDOC-M",
                    "email": "ana@example.org", "password": "password1234", "passwordConfirmation": "password1234",
                ])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.body.contains("id=\"password-error\"") && weak.body.contains("most common"))

            let accepted = try await browser.submit(
                "/setup",
                [
                    "code": setupCode.description.lowercased(), "organisation": "GENDERDOC-M",
                    "email": "Ana@Example.org", "password": goodPassword, "passwordConfirmation": goodPassword,
                ])
            #expect(accepted.status == .seeOther && accepted.location == "/setup/recovery-key")
            #expect(try await Organisation.query(on: haven.db).count() == 0)
            #expect(try await User.query(on: haven.db).count() == 0)

            let keyPage = try await browser.follow(accepted)
            let recoveryText = try #require(keyPage.shownCode)
            let recoveryKey = try RecoveryKey.parse(recoveryText)

            let unconfirmed = try await browser.submit("/setup/confirm", ["written": "yes", "lastGroup": "ZZZZ"])
            #expect(unconfirmed.status == .unprocessableEntity)
            #expect(unconfirmed.body.contains("id=\"confirmation-error\"") && unconfirmed.body.contains("value=\"ZZZZ\""))
            #expect(try await Organisation.query(on: haven.db).count() == 0)

            let lastGroup = String(recoveryText.split(separator: "-").last!)
            let confirmed = try await browser.submit("/setup/confirm", ["written": "yes", "lastGroup": lastGroup.lowercased()])
            #expect(confirmed.status == .seeOther && confirmed.location == "/app")
            let dashboard = try await browser.follow(confirmed)
            #expect(dashboard.status == .ok && dashboard.body.contains("Haven is set up"))
            #expect(dashboard.body.contains("Administrator"))

            let organisation = try #require(try await Organisation.current(on: haven.db))
            #expect(organisation.name == "GENDERDOC-M")
            #expect(organisation.recoveryPublicKey == recoveryKey.publicKey.rawRepresentation)
            #expect(haven.app.haven.setupCode == nil)

            #expect(try await browser.get("/setup").status == .notFound)
            #expect(try await browser.get("/setup/recovery-key").status == .notFound)
            #expect(try await browser.submit("/setup", ["code": setupCode.description]).status == .notFound)
        }
    }

    @Test("setup attempts are rate limited per client")
    func rateLimited() async throws {
        try await withHaven { haven in
            let browser = haven.browser()
            _ = try await browser.get("/setup")
            var statuses: [HTTPResponseStatus] = []
            for _ in 0..<12 { statuses.append(try await browser.submit("/setup", ["code": "WRONG"]).status) }
            #expect(statuses.prefix(10).allSatisfy { $0 == .unprocessableEntity })
            #expect(statuses.last == .tooManyRequests)
            let limited = try await browser.submit("/setup", ["code": "WRONG"])
            #expect(Int(limited.headers.first(name: "Retry-After") ?? "") ?? 0 > 0)
        }
    }
}
