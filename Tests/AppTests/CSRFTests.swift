@testable import App
import Fluent
import Foundation
import Testing
import Vapor

@Suite("CSRF protection")
struct CSRFTests {
    @Test("a sign-in without the token, with a wrong token, or from another origin gets 403 and changes nothing")
    func refused() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let browser = haven.browser()
            _ = try await browser.get("/login")
            let fields = ["email": "admin@example.org", "password": goodPassword]
            let before = try await AuditEntry.query(on: haven.db).count()
            #expect(try await browser.submit("/login", fields, csrf: .some(nil)).status == .forbidden)
            #expect(try await browser.submit("/login", fields, csrf: "forged-token").status == .forbidden)
            #expect(try await browser.submit("/login", fields, extraHeaders: ["Origin": "https://evil.example"]).status == .forbidden)
            #expect(try await browser.submit("/login", fields, extraHeaders: ["Origin": "null"]).status == .forbidden)
            let stranger = haven.browser()
            #expect(try await stranger.submit("/login", fields, csrf: browser.csrfToken).status == .forbidden)
            #expect(try await AuditEntry.query(on: haven.db).count() == before)
            #expect(try await browser.get("/app").location == "/login")
            let same = try await browser.submit("/login", fields, extraHeaders: ["Origin": haven.baseURL])
            #expect(same.status == .seeOther && same.location == "/app")
        }
    }

    @Test("every POST route refuses a request without the token")
    func everyRoute() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let posts = haven.app.routes.all.filter { $0.method == .POST }
            #expect(posts.count >= 12)
            for route in posts {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter = component { return UUID().uuidString }
                    return component.description
                }.joined(separator: "/")
                let page = try await admin.submit(path, ["role": "viewer", "lang": "ru", "narrative": "x", "code": "x"], csrf: .some(nil))
                if CSRFMiddleware.keepsTypedText(path) {
                    #expect([.unprocessableEntity, .notFound].contains(page.status), "\(path)")
                } else {
                    #expect(page.status == .forbidden, "\(path)")
                }
            }
            #expect(try await Report.query(on: haven.db).count() == 0)
            #expect(try await admin.get("/app").status == .ok)
        }
    }
}
