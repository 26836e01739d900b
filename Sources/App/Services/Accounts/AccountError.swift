import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import SQLKit
import Vapor

/// Account operations refused for a reason the person can act on.
enum AccountError: Error, Equatable, CustomStringConvertible {
    case emailTaken, notSetUp, noSuchUser, wrongRecoveryKey, lastAdministrator, ownAccount

    var description: String {
        switch self {
        case .emailTaken: return "a user with this e-mail already exists"
        case .notSetUp: return "Haven is not set up yet: run `haven setup` first"
        case .noSuchUser: return "no user has this e-mail"
        case .wrongRecoveryKey: return "this is not the organisation's recovery key"
        case .lastAdministrator: return "the last active administrator cannot be demoted or disabled"
        case .ownAccount: return "administrators cannot disable or demote themselves"
        }
    }
}
