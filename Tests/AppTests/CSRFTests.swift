import Fluent
import Foundation
import Testing
import Vapor

@testable import App

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

    @Test(
        "every POST route, on real records, refuses a request without the token and changes nothing; intake forms come back with the text kept"
    )
    func everyRoute() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let fixtures = try await RouteFixtures.make(haven, admin: admin)
            let posts = haven.app.routes.all.filter { $0.method == .POST }
            #expect(posts.count >= 12)
            let reports = try await Report.query(on: haven.db).count()
            let messages = try await ReportMessage.query(on: haven.db).count()
            let audit = try await AuditEntry.query(on: haven.db).count()
            for route in posts {
                let path = RouteFixtures.path(route, known: fixtures.known, fallback: UUID().uuidString)
                let fields = [
                    ("role", "viewer"), ("lang", "ru"), ("narrative", "typed with care"), ("message", "typed with care"),
                    ("code", fixtures.receipt),
                ]
                let page =
                    route.path.first?.description == "report"
                    ? try await admin.submitMultipart(path, fields, csrf: .some(nil))
                    : try await admin.submit(path, Dictionary(uniqueKeysWithValues: fields), csrf: .some(nil))
                if CSRFMiddleware.isTokenless(route) {
                    #expect(page.status == .badRequest, "\(path) changes nothing and needs an action to go back to")
                } else if CSRFMiddleware.keepsTypedText(route) {
                    #expect(page.status == .unprocessableEntity, "\(path)")
                    #expect(page.body.contains("typed with care") || path == "/report/follow-up", "\(path) keeps the text")
                } else {
                    #expect(page.status == .forbidden, "\(path)")
                    if path.hasPrefix("/app/") && !StreamedBody.isStreamed(route) {
                        #expect(page.body.contains("typed with care") && page.body.contains("name=\"csrf\""), "\(path) keeps the text")
                    }
                }
            }
            #expect(try await Report.query(on: haven.db).count() == reports)
            #expect(try await ReportMessage.query(on: haven.db).count() == messages)
            #expect(try await AuditEntry.query(on: haven.db).count() == audit)
            #expect(try await admin.get("/app").status == .ok)
        }
    }
}
