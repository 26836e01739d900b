import Foundation

/// When each person was last sent a notice, in memory only.
actor RecentNotices {
    private var sent: [UUID: Date] = [:]

    /// Whether a notice may go to this person now; if so, it counts as sent.
    func take(_ userID: UUID, now: Date, quiet: TimeInterval) -> Bool {
        if let last = sent[userID], now.timeIntervalSince(last) < quiet { return false }
        sent[userID] = now
        return true
    }
}
