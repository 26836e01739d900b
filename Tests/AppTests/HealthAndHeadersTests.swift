import Foundation
import HavenVault
import Testing
import Vapor

@testable import App

@Suite("Health, security headers and error pages")
struct HealthAndHeadersTests {
    @Test("GET /health reports ok and the database in use", arguments: TestDatabase.all)
    func health(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            let page = try await haven.browser().get("/health")
            #expect(page.status == .ok)
            let body = try JSONDecoder().decode([String: String].self, from: Data(page.body.utf8))
            switch database {
            case .sqlite: #expect(body == ["status": "ok", "database": "sqlite"])
            case .postgres: #expect(body == ["status": "ok", "database": "postgresql"])
            }
        }
    }

    @Test("every response carries the security headers, error pages included, and no Server header")
    func headers() async throws {
        try await withHaven { haven in
            let browser = haven.browser()
            for path in ["/health", "/setup", "/login", "/no-such-page", "/app", "/haven.css"] {
                let page = try await browser.get(path)
                #expect(page.headers.first(name: "Content-Security-Policy") == SecurityHeadersMiddleware.contentSecurityPolicy, "\(path)")
                #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(page.headers.first(name: "Referrer-Policy") == "no-referrer", "\(path)")
                #expect(page.headers.first(name: "Cross-Origin-Opener-Policy") == "same-origin", "\(path)")
                #expect(page.headers.first(name: "Cross-Origin-Resource-Policy") == "same-origin", "\(path)")
                #expect(page.headers.first(name: .server) == nil, "\(path)")
                #expect(!page.body.contains("<script"), "\(path)")
                if path != "/haven.css" { #expect(page.headers.first(name: .cacheControl) == "no-store", "\(path)") }
            }
            #expect(SecurityHeadersMiddleware.contentSecurityPolicy.contains("script-src 'none'"))
        }
    }

    @Test("an unknown page gets the generic error page with a request id and a 404")
    func notFound() async throws {
        try await withHaven { haven in
            let page = try await haven.browser().get("/does-not-exist")
            #expect(page.status == .notFound)
            #expect(page.body.contains("There is no such page."))
            #expect(page.firstMatch(#"<code>([0-9A-F-]{36})</code>"#) != nil)
        }
    }

    @Test("a form with invalid UTF-8 gets 400 and a readable page; an oversized body gets 413")
    func malformed() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let browser = haven.browser()
            _ = try await browser.get("/login")
            let token = try #require(browser.csrfToken)
            let invalid = try await browser.post("/login", body: "csrf=\(token)&email=%FF%FE%FD&password=x")
            #expect(invalid.status == .badRequest)
            #expect(invalid.body.contains("<h1>"))
            let huge = try await browser.post("/login", body: "csrf=\(token)&email=" + String(repeating: "a", count: 2 << 20))
            #expect(huge.status == .payloadTooLarge)
        }
    }

    /// An error from a library that quotes a stored value.
    struct QuotingError: Error, CustomStringConvertible {
        var description: String { "constraint failed for value 'ana@example.org'" }
    }

    @Test("the log gets Haven's own error texts, never another library's (which may quote stored values)")
    func loggedDetail() {
        #expect(ErrorPageMiddleware.loggableDetail(of: QuotingError()) == "-")
        #expect(ErrorPageMiddleware.loggableDetail(of: AccountError.emailTaken) == "a user with this e-mail already exists")
        #expect(ErrorPageMiddleware.loggableDetail(of: VaultError.wrongKey).contains("does not open"))
    }
}
