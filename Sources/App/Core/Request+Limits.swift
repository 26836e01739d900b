import Foundation
import HavenDomain
import Vapor

extension Request {
    /// Takes one `action` from every budget that applies to this request; the seconds to wait when one of them is used
    /// up (and then nothing is taken). The budgets never let one client starve the rest when every client arrives from
    /// one address (a Tor onion service, a proxy without `HAVEN_TRUSTED_PROXY`): per-address budgets apply only where
    /// the address tells visitors apart (`clientAddress`); otherwise the session, the account and generous overall
    /// budgets limit. Reports from sessions younger than `intakePatience` draw on a small overall share, so a flood of
    /// fresh sessions cannot use up what a person who took time to write draws on.
    /// With `taking` false nothing is taken: the answer says whether the action could go ahead now (to refuse a form
    /// before its files are read, and take only for the form that is then stored).
    func takeLimit(_ action: LimitedAction, now: Date = Date(), taking: Bool = true) async -> Int? {
        guard haven.configuration.limitsIntake || !action.isIntake else { return nil }
        var limits: [(name: String, rule: RateLimiter.Rule)] = []
        let address = clientAddress
        let session = staffSession
        switch action {
        case .signIn(let account):
            if let address { limits.append(("login|client|" + address, .loginPerClient)) }
            if let session { limits.append(("login|session|" + session.key, .loginPerSession)) }
            if let account { limits.append(("login|account|" + account.value, .loginPerAccount)) }
            limits.append(("login", .loginOverall))
        case .codeEntry:
            if let address { limits.append(("code|" + address, .codePerClient)) }
            if let session { limits.append(("code|session|" + session.key, .codePerSession)) }
            limits.append(("code", .codeOverall))
        case .report:
            if let address { limits.append(("report|" + address, .reportPerClient)) }
            if let session { limits.append(("report|session|" + session.key, .reportPerSession)) }
            let isPatient = session.map { now.timeIntervalSince($0.createdAt) >= haven.configuration.intakePatience } ?? false
            limits.append(isPatient ? ("report|patient", .reportPatientSessions) : ("report|fresh", .reportFreshSessions))
        }
        return await haven.rateLimiter.take(limits, now: now, taking: taking)
    }
}
