import Foundation
import HavenDomain

/// A person's identity, opened for a reader, and the incidents (not restricted) they appear in.
struct OpenedPerson: Sendable {
    let code: String
    let identity: PersonIdentity
    let appearances: [(code: String, title: String)]
}
