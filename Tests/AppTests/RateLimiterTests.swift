import Foundation
import Testing

@testable import App

@Suite("Rate limiter")
struct RateLimiterTests {
    @Test("a million distinct keys: the table never holds more than its capacity, and the newest keys are kept")
    func millionKeys() async throws {
        let limiter = RateLimiter(capacity: 50_000)
        let now = Date()
        for batch in 0..<10 {
            for number in 0..<100_000 {
                _ = await limiter.take([("key|\(batch)-\(number)", .reportPerClient)], now: now)
            }
            #expect(await limiter.count <= 50_000)
        }
        #expect(await limiter.count == 50_000)
        // The newest key's bucket is kept (one token already taken); the oldest key's was evicted and starts full.
        #expect(await takesBeforeRefusal(limiter, "key|9-99999", now: now) == RateLimiter.Rule.reportPerClient.burst - 1)
        #expect(await takesBeforeRefusal(limiter, "key|0-0", now: now) == RateLimiter.Rule.reportPerClient.burst)
        // Speed on a full table is shown by `haven bench limiter`, not timed here.
    }

    private func takesBeforeRefusal(_ limiter: RateLimiter, _ name: String, now: Date) async -> Double {
        var taken = 0.0
        while await limiter.take([(name, .reportPerClient)], now: now) == nil { taken += 1 }
        return taken
    }

    @Test("a refused request stores nothing, and the least recently used buckets go first")
    func refusalsStoreNothing() async throws {
        let limiter = RateLimiter(capacity: 3)
        let now = Date()
        let tight = RateLimiter.Rule(burst: 1, perSecond: 1.0 / 3600)
        #expect(await limiter.take([("global", tight)], now: now) == nil)
        #expect(await limiter.count == 1)
        for number in 0..<1_000 {
            // Each of these is refused by the empty global bucket: none may leave a bucket behind.
            #expect(await limiter.take([("client|\(number)", .reportPerClient), ("global", tight)], now: now) != nil)
        }
        #expect(await limiter.count == 1)
        #expect(await limiter.take([("a", tight)], now: now) == nil)
        #expect(await limiter.take([("b", tight)], now: now) == nil)
        #expect(await limiter.take([("a", tight)], now: now) != nil, "a is empty, and now the most recently used")
        #expect(await limiter.take([("c", tight)], now: now) == nil, "c pushes out the least recently used bucket, global")
        #expect(await limiter.take([("global", tight)], now: now) == nil, "a forgotten bucket starts full again")
        #expect(await limiter.count == 3)
    }

    @Test("sign-in attempts with junk in the e-mail field make no per-account bucket")
    func junkAccounts() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let browser = haven.browser()
            _ = try await browser.get("/login")
            let before = await haven.app.haven.rateLimiter.count
            for number in 0..<20 {
                _ = try await browser.submit("/login", ["email": "not an address \(number)", "password": "wrong"])
            }
            #expect(await haven.app.haven.rateLimiter.count == before + 2, "the session's and the overall bucket only")
            _ = try await browser.submit("/login", ["email": "someone@example.org", "password": "wrong"])
            #expect(await haven.app.haven.rateLimiter.count == before + 3)
        }
    }
}
