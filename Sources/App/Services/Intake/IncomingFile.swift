import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// A file as it arrived in a form, before sealing.
struct IncomingFile: Sendable {
    let name: String
    let contentType: String
    let data: Data
}
