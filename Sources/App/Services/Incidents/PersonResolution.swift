import Foundation
import HavenDomain

/// How a typed name or code was understood.
enum PersonResolution: Sendable {
    case resolved(PersonReference)
    /// Recorded persons share words of this name: the form offers them before a new person is made.
    case offer([Person])
}
