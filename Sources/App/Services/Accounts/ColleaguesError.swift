import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault

/// The colleagues key could not be opened (a user made before display names and not yet given one).
enum ColleaguesError: Error {
    case noKey
}
