import Vapor

/// Adds DESIGN.md's security headers to every response, error pages included.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        + "base-uri 'none'; frame-ancestors 'none'; script-src 'none'"

    /// Paths whose responses may be cached (the stylesheet and images; nothing personal).
    static func isPublicAsset(_ path: String) -> Bool {
        path == "/haven.css" || path.hasPrefix("/images/")
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
            ("X-Frame-Options", "DENY"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        // Behind HTTPS, browsers are told to use nothing else for a year (a downgrade would expose the session cookie).
        if request.haven.configuration.isHTTPS {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        // Public pages served from `PublicPages` say how they may be cached; everything else is never stored.
        if !Self.isPublicAsset(request.url.path), response.headers.first(name: .cacheControl)?.hasPrefix("public") != true {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        response.headers.remove(name: .server)
        return response
    }
}
