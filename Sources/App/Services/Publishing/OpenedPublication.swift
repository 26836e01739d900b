import Foundation
import HavenDomain

/// A publication opened for the editor: its draft and where it stands.
struct OpenedPublication: Sendable {
    let record: Publication
    let draft: PublicationDraft
    let content: PublicationContent
    /// Signatory names in order.
    let signatories: [String]
    /// Linked incidents (public ones are the only ones that can be linked).
    let incidents: [Incident]
}
