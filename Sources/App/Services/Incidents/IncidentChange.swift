import Crypto
import Foundation
import HavenDomain

/// An incident as the form submits it once every person it names is understood.
struct IncidentChange: Sendable {
    var draft: IncidentDraft
    /// One per filled act, in order.
    var victims: [PersonReference]
    var perpetrators: [PersonReference?]
}
