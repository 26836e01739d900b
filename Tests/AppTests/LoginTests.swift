import Fluent
import Foundation
import Testing
import Vapor

@testable import App

@Suite("Signing in and out")
struct LoginTests {
    @Test("sign in gives a new session id; sign out ends it at once", arguments: TestDatabase.all)
    func signInOut(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let browser = haven.browser()
            let form = try await browser.get("/login")
            #expect(form.status == .ok && form.body.contains("name=\"password\""))
            let anonymousCookie = try #require(browser.cookies[Request.sessionCookieName])
            let signedIn = try await browser.submit("/login", ["email": "ADMIN@example.org ", "password": goodPassword, "code": ""])
            #expect(signedIn.status == .seeOther && signedIn.location == "/app")
            let sessionCookie = try #require(browser.cookies[Request.sessionCookieName])
            #expect(sessionCookie != anonymousCookie)
            let setCookie = try #require(signedIn.headers.first(name: .setCookie))
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && !setCookie.contains("Secure"))
            #expect(try await browser.get("/app").status == .ok)

            let replay = haven.browser()
            replay.setCookie(Request.sessionCookieName, anonymousCookie)
            #expect(try await replay.get("/app").location == "/login")

            let out = try await browser.submit("/logout", [:])
            #expect(out.status == .seeOther && out.location == "/login")
            let stale = haven.browser()
            stale.setCookie(Request.sessionCookieName, sessionCookie)
            let after = try await stale.get("/app")
            #expect(after.status == .seeOther && after.location == "/login")

            let actions = try await AuditEntry.query(on: haven.db).sort(\.$id).all().map(\.action)
            #expect(actions == ["setup.complete", "login.success", "logout"])
        }
    }

    @Test("wrong password, unknown e-mail and disabled account get the same answer", arguments: TestDatabase.all)
    func genericFailure(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let userID = try await haven.addUser(email: "ion@example.org", role: .caseworker, by: admin)
            _ = try await admin.submit("/app/admin/users/\(userID)/disable", [:])
            var bodies: [String] = []
            for (email, password) in [
                ("admin@example.org", "wrong password here"), ("nobody@example.org", goodPassword),
                ("ion@example.org", goodPassword), ("not-an-email", goodPassword), ("admin@example.org", ""),
            ] {
                let browser = haven.browser()
                let page = try await browser.submit("/login", ["email": email, "password": password])
                #expect(page.status == .unauthorized, "\(email)")
                #expect(page.body.contains("E-mail, password or code is not correct."))
                #expect(page.body.contains("value=\"\(email)\""))
                #expect(browser.cookies[Request.sessionCookieName] != nil)
                #expect(try await browser.get("/app").location == "/login")
                bodies.append(
                    page.body.replacingOccurrences(of: email, with: "EMAIL")
                        .replacingOccurrences(of: #"value="[A-Za-z0-9_-]{43}""#, with: "TOKEN", options: .regularExpression))
            }
            #expect(Set(bodies).count == 1)
            let failures = try await AuditEntry.query(on: haven.db).filter(\.$action == "login.failure").all()
            #expect(failures.count == 5)
            #expect(failures.allSatisfy { $0.targetID.isEmpty && $0.actor == "anonymous" })
        }
    }

    @Test("an over-long password is refused without running the key derivation")
    func overlong() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let browser = haven.browser()
            let page = try await browser.submit("/login", ["email": "admin@example.org", "password": String(repeating: "x", count: 600)])
            #expect(page.status == .unauthorized)
        }
    }

    @Test("sign-in attempts are limited per account and per client, with Retry-After")
    func rateLimits() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let browser = haven.browser()
            _ = try await browser.get("/login")
            var statuses: [HTTPResponseStatus] = []
            for _ in 0..<11 {
                statuses.append(try await browser.submit("/login", ["email": "admin@example.org", "password": "wrong password 1"]).status)
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == .unauthorized })
            let limited = try await browser.submit("/login", ["email": "admin@example.org", "password": goodPassword])
            #expect(limited.status == .tooManyRequests)
            #expect((Int(limited.headers.first(name: "Retry-After") ?? "") ?? 0) > 0)
            let other = try await browser.submit("/login", ["email": "other@example.org", "password": "wrong password 1"])
            #expect(other.status == .unauthorized)
        }
    }

    @Test("a session ends after the idle timeout and after the absolute timeout")
    func timeouts() async {
        let store = SessionStore(idleTimeout: 30 * 60, absoluteTimeout: 12 * 3600)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let (cookie, _) = await store.create(now: start)
        #expect(await store.find(cookie: cookie, now: start.addingTimeInterval(29 * 60)) != nil)
        #expect(await store.find(cookie: cookie, now: start.addingTimeInterval(60 * 60)) == nil)
        #expect(await store.find(cookie: cookie, now: start.addingTimeInterval(29 * 60)) == nil)

        let (busy, _) = await store.create(now: start)
        var now = start
        while now < start.addingTimeInterval(11.9 * 3600) {
            now = now.addingTimeInterval(20 * 60)
            #expect(await store.find(cookie: busy, now: now) != nil)
        }
        #expect(await store.find(cookie: busy, now: start.addingTimeInterval(12 * 3600 + 1)) == nil)
        #expect(await store.find(cookie: "not-a-session") == nil)
    }

    @Test("the session cookie is Secure when the public URL is https")
    func secureCookie() async throws {
        try await withHaven(adjust: { $0.publicURL = URL(string: "https://haven.example.org") }) { haven in
            let page = try await haven.browser().get("/setup")
            #expect(page.headers.first(name: .setCookie)?.contains("Secure") == true)
        }
    }

    @Test("scrypt runs are bounded: extra runs wait for a slot")
    func kdfGate() async {
        let gate = AsyncGate(limit: 2, maximumWaiting: 1)
        #expect(await gate.enter())
        #expect(await gate.enter())
        async let third = gate.enter()
        while await gate.waitingCount == 0 { await Task.yield() }
        #expect(await gate.enter() == false)
        await gate.leave()
        #expect(await third)
    }
}
