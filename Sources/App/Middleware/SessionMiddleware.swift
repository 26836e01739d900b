import Vapor

/// Finds the request's server-side session by its cookie and sends the cookie for a new one.
struct SessionMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let cookie = request.cookies[request.sessionCookieName]?.string,
            let session = await request.haven.sessions.find(cookie: cookie)
        {
            request.staffSession = session
        }
        let response = try await next.respond(to: request)
        let secure = request.haven.configuration.isHTTPS
        if let cookie = request.newSessionCookie {
            response.cookies[request.sessionCookieName] = HTTPCookies.Value(
                string: cookie, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .strict)
        } else if request.sessionEnded {
            response.cookies[request.sessionCookieName] = HTTPCookies.Value(
                string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isSecure: secure, isHTTPOnly: true,
                sameSite: .strict)
        }
        return response
    }
}
