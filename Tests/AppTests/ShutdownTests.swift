import Foundation
import Testing
import Vapor

@testable import App

@Suite("Shutdown")
struct ShutdownTests {
    /// Whether the slow request got to its end.
    actor Flag {
        var isSet = false
        func set() { isSet = true }
    }

    /// Answers after a pause, as a request that is still writing when shutdown begins.
    struct SlowResponder: AsyncResponder {
        let finished: Flag
        func respond(to request: Request) async throws -> Response {
            try await Task.sleep(for: .milliseconds(300))
            await finished.set()
            return Response(status: .ok)
        }
    }

    @Test("shutdown waits for requests still being handled before the database closes; an idle server stops at once")
    func drains() async throws {
        let app = try await Application.make(.testing)
        let inFlight = RequestsInFlight()
        let finished = Flag()
        let request = Request(application: app, on: app.eventLoopGroup.next())
        let handling = Task { try await inFlight.respond(to: request, chainingTo: SlowResponder(finished: finished)) }
        try await Task.sleep(for: .milliseconds(50))
        #expect(inFlight.current == 1)
        await inFlight.shutdownAsync(app)
        #expect(await finished.isSet, "shutdown returned before the request was done")
        let response = try await handling.value
        #expect(response.status == HTTPResponseStatus.ok && inFlight.current == 0)
        let clock = ContinuousClock()
        let started = clock.now
        await inFlight.shutdownAsync(app)
        #expect(clock.now - started < .milliseconds(100))
        try await app.asyncShutdown()
    }

    @Test("the application runs every request through the counter, and shuts down through it")
    func registered() async throws {
        try await withHaven { haven in
            let counter = try #require(haven.app.requestsInFlight)
            #expect(counter.current == 0)
            #expect(try await haven.browser().get("/health").status == .ok)
        }
    }
}
