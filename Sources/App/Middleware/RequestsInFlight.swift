import NIOConcurrencyHelpers
import Vapor

/// Counts the requests being handled, and makes shutdown wait for them (up to `drainLimit`) before the database is
/// closed: a request that arrived just before shutdown finishes its work instead of finding no database and stopping
/// the process halfway through.
final class RequestsInFlight: AsyncMiddleware, LifecycleHandler, Sendable {
    private let count = NIOLockedValueBox(0)
    /// The longest shutdown waits for requests still running.
    static let drainLimit: Duration = .seconds(10)

    var current: Int { count.withLockedValue { $0 } }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        count.withLockedValue { $0 += 1 }
        defer { count.withLockedValue { $0 -= 1 } }
        return try await next.respond(to: request)
    }

    func shutdownAsync(_ application: Application) async {
        let deadline = ContinuousClock.now + Self.drainLimit
        while current > 0 && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
    }
}

extension Application {
    private struct RequestsInFlightKey: StorageKey {
        typealias Value = RequestsInFlight
    }

    /// The counter every request passes through (set by `configure`).
    var requestsInFlight: RequestsInFlight? {
        get { storage[RequestsInFlightKey.self] }
        set { storage[RequestsInFlightKey.self] = newValue }
    }
}
