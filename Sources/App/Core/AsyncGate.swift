import Crypto
import Foundation
import HavenVault
import Vapor

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

    /// Takes a slot only if one is free now (large uploads: better refused at once than queued).
    func tryEnter() -> Bool {
        guard running < limit else { return false }
        running += 1
        return true
    }

    /// How many callers hold a slot now.
    var runningCount: Int { running }

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
