import HavenVault
import Vapor

/// Routes whose handlers read the request body as a stream (file uploads). The CSRF middleware leaves such a body
/// alone; the handler checks the session, the form's token (its first part) and its limits before it reads on, and
/// seals file bytes as they arrive.
enum StreamedBody {
    static let userInfoKey = "haven.streamsBody"

    /// True for a route registered with `postStreamed`.
    static func isStreamed(_ route: Route?) -> Bool {
        route?.userInfo[userInfoKey] as? Bool == true
    }
}

extension RoutesBuilder {
    /// A POST whose handler reads its body as a stream; see `StreamedBody`.
    @discardableResult
    func postStreamed(_ path: PathComponent..., use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        let route = on(.POST, path, body: .stream, use: closure)
        route.userInfo[StreamedBody.userInfoKey] = true
        return route
    }
}

extension MultipartStream {
    /// Reads the first part, which a form sends as its token, and compares it with the session's; false when the part is
    /// too long or a different token, or another part (which is given back, unread, for the handler).
    mutating func readToken(expected: String?) async throws -> Bool {
        guard let part = try await nextPart() else { return false }
        guard !part.isFile, part.name == CSRFMiddleware.fieldName else {
            giveBack(part)
            return false
        }
        let sent = try await readText(maximum: 256)
        guard let expected, !sent.isEmpty else { return false }
        return ConstantTime.equals(sent, expected)
    }
}
