import Vapor

/// Stops reading a request whose body was not read when the answer is ready (a refusal before the body, a stopped
/// upload). Left alone, the server would go on reading and throwing away whatever the client still sends: a refused
/// 90 MB post from nobody would be read in full. Taking the body stream and letting it go at once puts the connection
/// into Vapor's error state, which reads no further; the idle timeout then closes the connection.
struct UnreadBodyMiddleware: AsyncMiddleware {
    private struct TakenKey: StorageKey { typealias Value = Bool }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            let response = try await next.respond(to: request)
            Self.stopReading(request)
            return response
        } catch {
            Self.stopReading(request)
            throw error
        }
    }

    /// Marks a body as taken by its handler (which reads it as a stream): this middleware then leaves it alone.
    static func markTaken(_ request: Request) {
        request.storage[TakenKey.self] = true
    }

    /// True when a body is still to come and nobody has taken it.
    static func hasUntakenBody(_ request: Request) -> Bool {
        guard request.storage[TakenKey.self] != true, request.body.data == nil else { return false }
        if let length = request.headers.first(name: .contentLength) { return length != "0" }
        return request.headers.contains(name: .transferEncoding)
    }

    private static func stopReading(_ request: Request) {
        guard hasUntakenBody(request) else { return }
        markTaken(request)
        _ = request.body.makeAsyncIterator()
    }
}
