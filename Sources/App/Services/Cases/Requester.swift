import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// The requester of a case as sealed: a pseudonym everyone on the case uses, and identity only they can read.
struct Requester: Codable, Sendable, Equatable {
    var pseudonym: String
    var name: String
    var contact: String
    var notes: String
}
