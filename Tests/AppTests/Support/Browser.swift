import AsyncHTTPClient
import Foundation
import Testing
import Vapor

/// A browser with JavaScript off, over real HTTP: keeps cookies, reads the CSRF token from each page, follows redirects on
/// request. Before a form is sent it makes sure the token belongs to the current session (a sign-in starts a new one), loading
/// a page that carries it when it does not, as a person would have the form's page open.
final class Browser: @unchecked Sendable {
    /// One HTTP response as the browser saw it.
    struct Page {
        let status: HTTPResponseStatus
        let headers: HTTPHeaders
        let body: String
        let bytes: Data

        var location: String? { headers.first(name: .location) }

        /// The code a paper-copy page shows (receipt, recovery key, one-time code), without the `<wbr>` between its groups.
        var shownCode: String? {
            firstMatch(#"<p class="secret"[^>]*><code>((?:[0-9A-Z-]|<wbr>)+)</code>"#)?.replacingOccurrences(of: "<wbr>", with: "")
        }

        /// The first capture group of a regular expression over the body.
        func firstMatch(_ pattern: String) -> String? {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                let match = regex.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)),
                let range = Range(match.range(at: 1), in: body)
            else { return nil }
            return String(body[range])
        }

        /// The CSRF token in the page's forms.
        var csrfToken: String? { firstMatch(#"name="csrf" value="([^"]+)""#) }
    }

    let client: HTTPClient
    let baseURL: String
    private(set) var cookies: [String: String] = [:]
    /// The token of the last page that had one.
    private(set) var csrfToken: String?
    /// The session cookie the token was read under.
    private var tokenSession: String?
    /// Extra headers for every request (e.g. Accept-Language).
    var headers = HTTPHeaders()

    init(client: HTTPClient, baseURL: String) {
        self.client = client
        self.baseURL = baseURL
    }

    /// GET a path.
    func get(_ path: String) async throws -> Page {
        try await send(.GET, path)
    }

    /// POST a form as a browser would, with the page's CSRF token unless `csrf` says otherwise.
    func submit(_ path: String, _ fields: [String: String], csrf: String?? = .none, extraHeaders: HTTPHeaders = [:]) async throws -> Page {
        var all = fields
        switch csrf {
        case .none: if let token = try await currentToken(for: path) { all["csrf"] = token }
        case .some(let token?): all["csrf"] = token
        case .some(nil): break
        }
        return try await post(path, body: Browser.formEncode(all), extraHeaders: extraHeaders)
    }

    /// POST a form whose fields may repeat (checkbox groups), with the page's CSRF token.
    func submit(_ path: String, pairs: [(String, String)]) async throws -> Page {
        let all = pairs + (try await currentToken(for: path).map { [("csrf", $0)] } ?? [])
        return try await post(path, body: all.map { Browser.formEncode([$0.0: $0.1]) }.joined(separator: "&"))
    }

    /// POST a multipart form (with files) as a browser would, with the page's CSRF token.
    func submitMultipart(
        _ path: String, _ fields: [(String, String)], files: [(field: String, name: String, data: Data)] = [],
        csrf: String?? = .none
    ) async throws -> Page {
        let boundary = "----HavenTestBoundary\(UUID().uuidString)"
        var body = Data()
        // Browsers send parts in the order of the form's fields; Haven's forms carry the token first.
        var all: [(String, String)] = []
        switch csrf {
        case .none: if let token = try await currentToken(for: path) { all.append(("csrf", token)) }
        case .some(let token?): all.append(("csrf", token))
        case .some(nil): break
        }
        all += fields
        for (name, value) in all {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for file in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n".utf8))
            body.append(Data("Content-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await send(.POST, path, bytes: body, extraHeaders: ["Content-Type": "multipart/form-data; boundary=\(boundary)"])
    }

    /// The session's current form token: the one last read if the session has not changed since, else one from the
    /// account page (staff) or the form's own page (visitors).
    private func currentToken(for path: String) async throws -> String? {
        if let csrfToken, tokenSession == sessionCookie { return csrfToken }
        for page in ["/app/account", String(path.split(separator: "?").first ?? "")] {
            _ = try await get(page)
            if csrfToken != nil, tokenSession == sessionCookie { return csrfToken }
        }
        return csrfToken
    }

    /// The session cookie's value, whichever name it has (`__Host-` with https).
    private var sessionCookie: String? {
        cookies.first { $0.key.hasSuffix("haven_session") }?.value
    }

    /// POST raw bytes as a form body.
    func post(_ path: String, body: String, extraHeaders: HTTPHeaders = [:]) async throws -> Page {
        var headers = extraHeaders
        headers.replaceOrAdd(name: .contentType, value: "application/x-www-form-urlencoded")
        return try await send(.POST, path, body: body, extraHeaders: headers)
    }

    /// GET the page a redirect points to.
    func follow(_ page: Page) async throws -> Page {
        let location = try #require(page.location, "expected a redirect, got \(page.status)")
        return try await get(location)
    }

    /// Sets or removes a cookie by hand (to replay an old session).
    func setCookie(_ name: String, _ value: String?) { cookies[name] = value }

    func send(_ method: HTTPMethod, _ path: String, body: String? = nil, bytes: Data? = nil, extraHeaders: HTTPHeaders = [:]) async throws
        -> Page
    {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers = headers
        for (name, value) in extraHeaders { request.headers.replaceOrAdd(name: name, value: value) }
        if !cookies.isEmpty {
            request.headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        if let bytes { request.body = .bytes(ByteBuffer(data: bytes)) }
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .seconds(30))
        } catch let error as HTTPClientError where error == .remoteConnectionClosed && method == .GET {
            // A kept-alive connection the server closed as idle: browsers send an idempotent request again, so does this one.
            response = try await client.execute(request, timeout: .seconds(30))
        }
        let received = try await response.body.collect(upTo: 64 << 20)
        let page = Page(status: response.status, headers: response.headers, body: String(buffer: received), bytes: Data(buffer: received))
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            cookies[name] = value.isEmpty || header.contains("Max-Age=0") ? nil : value
        }
        if response.headers.first(name: .contentType)?.hasPrefix("text/html") == true, let token = page.csrfToken {
            csrfToken = token
            tokenSession = sessionCookie
        }
        return page
    }

    /// application/x-www-form-urlencoded, as browsers write it.
    static func formEncode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return fields.sorted { $0.key < $1.key }.map { key, value in
            let encode = { (text: String) in
                text.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
            }
            return encode(key) + "=" + encode(value)
        }.joined(separator: "&")
    }
}
