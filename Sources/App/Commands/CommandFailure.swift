import Foundation
import HavenDomain
import Vapor

/// A command that cannot go on; its text is the one line the operator sees.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
