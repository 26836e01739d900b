import Crypto
import Foundation
import HavenDomain

/// The keys a documentation change needs: the documentation key, and the incident's own key when it has one.
struct DocumentationKeys: Sendable {
    let documentation: SymmetricKey
    var incident: SymmetricKey?
}

extension DocumentationKeys {
    /// The key evidence file keys are sealed under: the incident's when it is restricted, else the documentation key.
    var container: SymmetricKey { incident ?? documentation }
}
