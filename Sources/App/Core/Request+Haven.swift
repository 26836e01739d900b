import Crypto
import Fluent
import Foundation
import HavenDomain
import Vapor

extension Request {
    private struct SessionKey: StorageKey { typealias Value = StaffSession }
    private struct NewCookieKey: StorageKey { typealias Value = String }
    private struct EndedKey: StorageKey { typealias Value = Bool }
    private struct CSRFRejectedKey: StorageKey { typealias Value = Bool }

    static let sessionCookieName = "haven_session"

    /// The session cookie's name here: with an https public URL it carries the `__Host-` prefix, which browsers accept
    /// only from a secure origin for the whole host (no Domain, Path `/`), so no other site or subdomain can set it.
    var sessionCookieName: String { haven.configuration.isHTTPS ? "__Host-" + Self.sessionCookieName : Self.sessionCookieName }

    /// Haven's services.
    var haven: HavenServices { application.haven }

    /// The session this request arrived with (or started), if any.
    var staffSession: StaffSession? {
        get { storage[SessionKey.self] }
        set { storage[SessionKey.self] = newValue }
    }

    /// The session, started now (with a cookie on the response) if the request had none.
    func session() async -> StaffSession {
        if let staffSession { return staffSession }
        let (cookie, session) = await haven.sessions.create()
        storage[NewCookieKey.self] = cookie
        staffSession = session
        return session
    }

    /// Stores changes to the session.
    func saveSession(_ session: StaffSession) async {
        staffSession = session
        await haven.sessions.save(session)
    }

    /// Replaces the session with a fresh one (new id at sign-in), ending the old one.
    func renewSession() async -> StaffSession {
        if let old = staffSession { await haven.sessions.end(key: old.key) }
        staffSession = nil
        return await session()
    }

    /// Ends the session and clears the cookie.
    func endSession() async {
        if let old = staffSession { await haven.sessions.end(key: old.key) }
        staffSession = nil
        storage[NewCookieKey.self] = nil
        storage[EndedKey.self] = true
    }

    /// True when an intake form arrived without a valid token: its handler must change nothing and give the form back.
    var csrfRejected: Bool {
        get { storage[CSRFRejectedKey.self] ?? false }
        set { storage[CSRFRejectedKey.self] = newValue }
    }

    /// A cookie value to send with the response, if the session is new.
    var newSessionCookie: String? { storage[NewCookieKey.self] }

    /// True when the response must clear the session cookie.
    var sessionEnded: Bool { storage[EndedKey.self] ?? false }

    /// The interface language: the one chosen in this session, else the browser's Accept-Language, else English.
    var language: Language {
        if let chosen = staffSession?.language { return chosen }
        return headers.first(name: .acceptLanguage).flatMap(Language.preferred(acceptLanguage:)) ?? .en
    }

    /// The interface language of a public page: `?lang=`, else the reader's browser (public pages keep no choice).
    var publicLanguage: Language {
        (try? query.get(String.self, at: "lang")).flatMap(Language.init(rawValue:)) ?? language
    }

    /// One interface string in the request's language.
    func t(_ key: String) -> String {
        haven.localization.string(key, language)
    }

    /// The client's address for per-address rate limits (hashed by the limiter, never stored or logged): the connecting
    /// address, or, when that is a trusted proxy (`HAVEN_TRUSTED_PROXY`), the last address in `X-Forwarded-For` that is
    /// not one. Nil when the address does not tell visitors apart: a loopback connection without a trusted proxy in
    /// front (every visitor of a Tor onion service arrives from 127.0.0.1), where a per-address limit would be one limit
    /// for everyone.
    var clientAddress: String? {
        guard let connecting = remoteAddress?.ipAddress else { return nil }
        let trusted = haven.configuration.trustedProxies
        let isTrusted = { (address: String) in trusted.contains { $0.contains(address) } }
        guard isTrusted(connecting) else { return AddressRange.isLoopback(connecting) ? nil : connecting }
        let forwarded = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for address in forwarded.reversed() where !isTrusted(address) {
            return AddressRange.addressBytes(address) == nil ? nil : address
        }
        return nil
    }

    /// Sends the browser on with 303 See Other (the redirect after POST).
    func seeOther(_ path: String) -> Response {
        redirect(to: path, redirectType: .normal)
    }

    /// Sends the browser on with 303 See Other, with a one-time notice (a localisation key) for the next page.
    func seeOther(_ path: String, notice key: String) async -> Response {
        var session = await session()
        session.notice = key
        await saveSession(session)
        return seeOther(path)
    }
}
