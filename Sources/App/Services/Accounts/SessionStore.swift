import Crypto
import Foundation
import HavenDomain
import HavenVault

/// Server-side sessions by hashed 256-bit id, with idle and absolute timeouts.
actor SessionStore {
    private var sessions: [String: StaffSession] = [:]
    private let idleTimeout: TimeInterval
    private let absoluteTimeout: TimeInterval
    /// Above this many sessions, expired and then the oldest signed-out sessions are dropped.
    private let capacity: Int

    init(idleTimeout: TimeInterval, absoluteTimeout: TimeInterval, capacity: Int = 50_000) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.capacity = capacity
    }

    /// Starts a session; returns the cookie value (shown to the browser only) and the session.
    func create(now: Date = Date()) -> (cookie: String, session: StaffSession) {
        if sessions.count >= capacity { prune(now: now) }
        let cookie = Self.randomToken()
        let session = StaffSession(key: Self.key(for: cookie), createdAt: now, lastSeenAt: now, csrfToken: Self.randomToken())
        sessions[session.key] = session
        return (cookie, session)
    }

    /// The live session for a cookie, touched; nil (and forgotten) when unknown or timed out.
    func find(cookie: String, now: Date = Date()) -> StaffSession? {
        let key = Self.key(for: cookie)
        guard var session = sessions[key] else { return nil }
        guard !isExpired(session, now: now) else {
            sessions[key] = nil
            return nil
        }
        session.lastSeenAt = now
        sessions[key] = session
        return session
    }

    /// Replaces a session's state; ignored if the session has ended meanwhile.
    func save(_ session: StaffSession) {
        guard sessions[session.key] != nil else { return }
        sessions[session.key] = session
    }

    /// Ends one session.
    func end(key: String) {
        sessions[key] = nil
    }

    /// Ends every session of a user (logout everywhere, disabling, password change elsewhere).
    func endAll(userID: UUID, except keptKey: String? = nil) {
        sessions = sessions.filter { $0.value.userID != userID || $0.key == keptKey }
    }

    /// Applies a role change to the user's live sessions.
    func updateRole(userID: UUID, role: StaffRole) {
        for (key, session) in sessions where session.userID == userID {
            sessions[key]?.role = role
        }
    }

    /// Marks the user's live sessions as having (or no longer having) a second factor.
    func updateSecondFactor(userID: UUID, enrolled: Bool) {
        for (key, session) in sessions where session.userID == userID {
            sessions[key]?.hasSecondFactor = enrolled
        }
    }

    /// How many live sessions a user has.
    func count(userID: UUID) -> Int {
        sessions.values.filter { $0.userID == userID }.count
    }

    private func isExpired(_ session: StaffSession, now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeenAt) > idleTimeout || now.timeIntervalSince(session.createdAt) > absoluteTimeout
    }

    private func prune(now: Date) {
        sessions = sessions.filter { !isExpired($0.value, now: now) }
        guard sessions.count >= capacity else { return }
        let anonymous = sessions.values.filter { $0.userID == nil }.sorted { $0.lastSeenAt < $1.lastSeenAt }
        for session in anonymous.prefix(sessions.count - capacity + capacity / 10) { sessions[session.key] = nil }
    }

    static func key(for cookie: String) -> String {
        SHA256.hash(data: Data(cookie.utf8)).hexString
    }

    /// 256 random bits, base64url without padding.
    static func randomToken() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
