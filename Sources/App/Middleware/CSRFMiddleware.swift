import HavenVault
import Vapor

/// Refuses every state-changing request without the session's synchronizer token or from another origin.
///
/// Nothing is read of a body sent to a path without a route, and a streamed route's body is left to its handler, which
/// checks the token before it reads on (`StreamedBody`). Every other form is read up to `maximumBodyBytes` (1 MB) at
/// most before its token is checked.
struct CSRFMiddleware: AsyncMiddleware {
    static let fieldName = "csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(request.method) else { return try await next.respond(to: request) }
        guard isSameOrigin(request) else { throw Abort(.forbidden, reason: "This form was sent from another site.") }
        guard let route = request.route else { throw Abort(.notFound) }
        if StreamedBody.isStreamed(route) || Self.isTokenless(route) { return try await next.respond(to: request) }
        let body = try await request.body.collect(max: request.haven.configuration.maximumBodyBytes).get()
        let sent = Self.token(in: request, body: body) ?? ""
        guard let session = request.staffSession, !sent.isEmpty, ConstantTime.equals(sent, session.csrfToken) else {
            if Self.keepsTypedText(route) {
                request.csrfRejected = true
                return try await next.respond(to: request)
            }
            if ExpiredFormPage.keepsTypedText(request) {
                return try await request.expiredForm(action: request.url.path, fields: request.postedFields)
            }
            throw Abort(.forbidden, reason: "This form has expired. Go back, reload the page and send it again.")
        }
        return try await next.respond(to: request)
    }

    /// The token a form carries: read from a URL-encoded body without decoding its other fields (a broken field is the
    /// handler's to refuse), or from a multipart body's `csrf` part.
    static func token(in request: Request, body: ByteBuffer?) -> String? {
        if request.headers.contentType == .urlEncodedForm {
            return body.flatMap { FormDecoder.value(named: fieldName, in: String(buffer: $0)) }
        }
        return try? request.content.get(String.self, at: fieldName)
    }

    /// Anonymous intake forms: a person may spend an hour writing, past the session's idle timeout. Instead of a bare
    /// 403 their handlers get the request marked rejected, change nothing, and give the form back with the text kept
    /// and a fresh token.
    static func keepsTypedText(_ route: Route) -> Bool {
        route.path.first?.description == "report" && route.path.dropFirst().first?.description != "receipt"
    }

    /// `POST /form/again` changes nothing and is how an expired form gets a token.
    static func isTokenless(_ route: Route) -> Bool {
        route.path.map(\.description) == ["form", "again"]
    }

    /// An `Origin` header, when the browser sends one, must be Haven's own.
    private func isSameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers.first(name: .origin) else { return true }
        if let publicURL = request.haven.configuration.publicURL, let scheme = publicURL.scheme, let host = publicURL.host {
            let port = publicURL.port.map { ":\($0)" } ?? ""
            return origin == "\(scheme)://\(host)\(port)"
        }
        guard let host = request.headers.first(name: .host) else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}
