import Crypto
import Foundation
import HavenVault
import Vapor

/// Token buckets keyed by an HMAC of what they limit, so no raw address or e-mail is ever held.
/// Memory is bounded: at most `capacity` buckets, the least recently used forgotten first (a forgotten bucket is a full
/// one, which only errs towards letting someone in). A refused request stores nothing, so a flood of refused requests
/// with new keys cannot grow the table or push out the buckets that matter.
actor RateLimiter {
    /// A bucket's shape: how many at once and how fast they come back.
    struct Rule: Sendable {
        let burst: Double
        let perSecond: Double

        static let loginPerAccount = Rule(burst: 10, perSecond: 1.0 / 60)
        static let loginPerClient = Rule(burst: 30, perSecond: 1.0 / 10)
        static let loginPerSession = Rule(burst: 30, perSecond: 1.0 / 10)
        /// Sign-in is bounded by the scrypt runs anyway (two at once); this only stops a flood from filling their queue.
        static let loginOverall = Rule(burst: 600, perSecond: 10)
        static let codePerClient = Rule(burst: 10, perSecond: 1.0 / 60)
        static let codePerSession = Rule(burst: 10, perSecond: 1.0 / 60)
        /// Codes are checked by a keyed hash (cheap); generous, so a flood of wrong codes does not lock reporters out.
        static let codeOverall = Rule(burst: 1_200, perSecond: 20)
        static let reportPerClient = Rule(burst: 10, perSecond: 1.0 / 60)
        /// A person sends a report, maybe a second; three, then one per ten minutes.
        static let reportPerSession = Rule(burst: 3, perSecond: 1.0 / 600)
        /// Reports from sessions younger than the intake patience: what a flood of fresh sessions can use up.
        static let reportFreshSessions = Rule(burst: 60, perSecond: 1)
        /// Reports from sessions older than the intake patience: a flood of fresh sessions never touches this share.
        static let reportPatientSessions = Rule(burst: 6_000, perSecond: 3_000.0 / 3_600)
    }

    private struct Bucket {
        var tokens: Double
        var updatedAt: Date
    }

    /// The first 128 bits of a bucket name's HMAC.
    private struct BucketKey: Hashable {
        let high: UInt64
        let low: UInt64
    }

    private var buckets: LRUMap<BucketKey, Bucket>
    /// A per-process key: the hashes mean nothing after a restart and nothing outside memory.
    private let key = SymmetricKey(size: .bits256)

    init(capacity: Int = 200_000) {
        buckets = LRUMap(capacity: capacity)
    }

    /// How many buckets are held (tests).
    var count: Int { buckets.count }

    /// Takes one token for each `(name, rule)`; returns the seconds to wait if any bucket is empty, and then takes none
    /// and stores nothing. With `taking` false it only answers whether a token could be taken.
    func take(_ limits: [(name: String, rule: Rule)], now: Date = Date(), taking: Bool = true) -> Int? {
        var refreshed: [(BucketKey, Bucket)] = []
        refreshed.reserveCapacity(limits.count)
        var wait: Double = 0
        for (name, rule) in limits {
            let hashed = bucketKey(name)
            var bucket = buckets.peek(hashed) ?? Bucket(tokens: rule.burst, updatedAt: now)
            bucket.tokens = min(rule.burst, bucket.tokens + max(0, now.timeIntervalSince(bucket.updatedAt)) * rule.perSecond)
            bucket.updatedAt = now
            if bucket.tokens < 1 { wait = max(wait, (1 - bucket.tokens) / rule.perSecond) }
            refreshed.append((hashed, bucket))
        }
        guard wait == 0 else { return max(1, Int(min(wait, 86_400).rounded(.up))) }
        guard taking else { return nil }
        for (hashed, var bucket) in refreshed {
            bucket.tokens -= 1
            buckets.set(hashed, bucket)
        }
        return nil
    }

    private func bucketKey(_ name: String) -> BucketKey {
        let code = HMAC<SHA256>.authenticationCode(for: Data(name.utf8), using: key)
        return code.withUnsafeBytes { bytes in
            BucketKey(
                high: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self), low: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }
}
