import HavenDomain
import Vapor

/// Lets signed-in staff through; sends others to the sign-in page, and staff who must enrol a second factor to enrolment.
struct RequireSignedIn: AsyncMiddleware {
    static let enrolmentPath = "/app/account/second-factor"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let session = request.staffSession, session.isSignedIn else {
            if request.method == .GET { return request.seeOther("/login") }
            throw Abort(.unauthorized, reason: "Your session has ended. Sign in again.")
        }
        if request.haven.requiresSecondFactor, !session.hasSecondFactor, !request.url.path.hasPrefix(Self.enrolmentPath) {
            return request.seeOther(Self.enrolmentPath)
        }
        return try await next.respond(to: request)
    }
}
