import Crypto
import Foundation
import HavenVault
import Vapor

/// Token buckets keyed by an HMAC of what they limit, so no raw address or e-mail is ever held.
actor RateLimiter {
    /// A bucket's shape: how many at once and how fast they come back.
    struct Rule: Sendable {
        let burst: Double
        let perSecond: Double

        static let loginPerAccount = Rule(burst: 10, perSecond: 1.0 / 60)
        static let loginPerClient = Rule(burst: 30, perSecond: 1.0 / 10)
        static let loginOverall = Rule(burst: 300, perSecond: 5)
        static let codePerClient = Rule(burst: 10, perSecond: 1.0 / 60)
        static let codeOverall = Rule(burst: 60, perSecond: 1.0 / 5)
        static let reportPerClient = Rule(burst: 10, perSecond: 1.0 / 60)
        static let reportOverall = Rule(burst: 600, perSecond: 2)
    }

    private struct Bucket {
        var tokens: Double
        var updatedAt: Date
    }

    private var buckets: [String: Bucket] = [:]
    /// A per-process key: the hashes mean nothing after a restart and nothing outside memory.
    private let key = SymmetricKey(size: .bits256)
    private let capacity = 200_000

    /// Takes one token for each `(name, rule)`; returns the seconds to wait if any bucket is empty (and then takes none).
    func take(_ limits: [(name: String, rule: Rule)], now: Date = Date()) -> Int? {
        var refreshed: [(String, Bucket)] = []
        var wait: Double = 0
        for (name, rule) in limits {
            let hashed = HMAC<SHA256>.authenticationCode(for: Data(name.utf8), using: key).hexString
            var bucket = buckets[hashed] ?? Bucket(tokens: rule.burst, updatedAt: now)
            bucket.tokens = min(rule.burst, bucket.tokens + now.timeIntervalSince(bucket.updatedAt) * rule.perSecond)
            bucket.updatedAt = now
            if bucket.tokens < 1 { wait = max(wait, (1 - bucket.tokens) / rule.perSecond) }
            refreshed.append((hashed, bucket))
        }
        if buckets.count > capacity { buckets = buckets.filter { now.timeIntervalSince($0.value.updatedAt) < 3600 } }
        for (hashed, var bucket) in refreshed {
            if wait == 0 { bucket.tokens -= 1 }
            buckets[hashed] = bucket
        }
        return wait == 0 ? nil : Int(wait.rounded(.up))
    }
}

/// Lets at most `limit` callers in at once; the rest wait in order (scrypt runs, audit appends).
actor AsyncGate {
    private let limit: Int
    private let maximumWaiting: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int, maximumWaiting: Int = 1024) {
        self.limit = max(1, limit)
        self.maximumWaiting = maximumWaiting
    }

    /// Waits for a slot; false when too many are already waiting (the caller gives up).
    func enter() async -> Bool {
        if running < limit {
            running += 1
            return true
        }
        guard waiting.count < maximumWaiting else { return false }
        await withCheckedContinuation { waiting.append($0) }
        return true
    }

    /// How many callers wait for a slot now.
    var waitingCount: Int { waiting.count }

    /// Frees a slot, handing it straight to the next waiter.
    func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

extension AsyncGate {
    /// Runs `body` inside a slot; throws 503 when too many are already waiting.
    nonisolated func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        guard await enter() else { throw Abort(.serviceUnavailable, reason: "The server is busy. Try again in a minute.") }
        do {
            let result = try await body()
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }
}
