import AsyncHTTPClient
import Foundation
import NIOCore
import Vapor

/// A signed-in staff member's browser for benchmarks: one session cookie, forms' tokens read from the pages.
struct BenchSession: Sendable {
    let client: HTTPClient
    let base: String
    let cookie: String

    /// Signs in over HTTP as a browser would.
    static func signIn(client: HTTPClient, base: String, email: String, password: String) async throws -> BenchSession {
        var form = HTTPClientRequest(url: base + "/login")
        form.method = .GET
        let page = try await client.execute(form, timeout: .seconds(30))
        let html = String(buffer: try await page.body.collect(upTo: 1 << 20))
        guard let cookie = page.headers.first(name: .setCookie)?.split(separator: ";").first.map(String.init),
            let token = Self.token(in: html)
        else { throw CommandFailure("the sign-in page has no session or token") }
        var login = HTTPClientRequest(url: base + "/login")
        login.method = .POST
        login.headers.add(name: .contentType, value: "application/x-www-form-urlencoded")
        login.headers.add(name: .cookie, value: cookie)
        login.body = .bytes(ByteBuffer(string: Self.encode(["csrf": token, "email": email, "password": password])))
        let signedIn = try await client.execute(login, timeout: .seconds(60))
        _ = try await signedIn.body.collect(upTo: 1 << 20)
        guard signedIn.status == .seeOther,
            let renewed = signedIn.headers.first(name: .setCookie)?.split(separator: ";").first.map(String.init)
        else {
            throw CommandFailure("sign-in answered \(signedIn.status)")
        }
        return BenchSession(client: client, base: base, cookie: renewed)
    }

    /// A page's body.
    func get(_ path: String) async throws -> (status: HTTPResponseStatus, body: String) {
        var request = HTTPClientRequest(url: base + path)
        request.headers.add(name: .cookie, value: cookie)
        let response = try await client.execute(request, timeout: .seconds(60))
        return (response.status, String(buffer: try await response.body.collect(upTo: 32 << 20)))
    }

    /// The form token on a page.
    func token(at path: String) async throws -> String {
        guard let token = Self.token(in: try await get(path).body) else { throw CommandFailure("\(path) has no form token") }
        return token
    }

    /// Posts a URL-encoded form (the token added); returns the status and the redirect's target.
    func post(_ path: String, _ fields: [(String, String)], tokenFrom page: String) async throws -> (
        status: HTTPResponseStatus, location: String?
    ) {
        var request = HTTPClientRequest(url: base + path)
        request.method = .POST
        request.headers.add(name: .contentType, value: "application/x-www-form-urlencoded")
        request.headers.add(name: .cookie, value: cookie)
        let all = [("csrf", try await token(at: page))] + fields
        request.body = .bytes(ByteBuffer(string: all.map { Self.encode([$0.0: $0.1]) }.joined(separator: "&")))
        let response = try await client.execute(request, timeout: .seconds(60))
        _ = try await response.body.collect(upTo: 1 << 20)
        return (response.status, response.headers.first(name: .location))
    }

    /// Records a small internal incident through the form; returns its code.
    func recordIncident() async throws -> String {
        let (status, location) = try await post(
            "/app/incidents",
            [
                ("title", "Benchmark incident"), ("description", "Recorded by a benchmark."), ("startDate", "2024-05"), ("country", "MD"),
                ("types[]", "V1.3"), ("confidentiality", "internal"), ("violationStatus", "unknown"), ("reliability", "unknown"),
                ("verification", "unverified"),
            ], tokenFrom: "/app/incidents/new")
        guard status == .seeOther, let location, location.hasPrefix("/app/incidents/") else {
            throw CommandFailure("recording an incident answered \(status)")
        }
        return String(location.dropFirst("/app/incidents/".count))
    }

    static func token(in html: String) -> String? {
        guard let start = html.range(of: #"name="csrf" value=""#), let end = html[start.upperBound...].firstIndex(of: "\"") else {
            return nil
        }
        return String(html[start.upperBound..<end])
    }

    static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return fields.map { key, value in
            (key.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
    }
}
