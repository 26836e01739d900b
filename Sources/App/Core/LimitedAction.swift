import Foundation
import HavenDomain

/// What a rate limit counts.
enum LimitedAction: Sendable {
    /// A sign-in attempt; `account` when the typed e-mail is an address.
    case signIn(account: EmailAddress?)
    /// A one-time code typed: a receipt, an invitation, the setup code.
    case codeEntry
    /// An anonymous report.
    case report
}

extension LimitedAction {
    /// Anonymous intake (which benchmarks may run unlimited).
    var isIntake: Bool {
        switch self {
        case .report, .codeEntry: return true
        case .signIn: return false
        }
    }
}
