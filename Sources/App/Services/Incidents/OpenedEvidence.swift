import Foundation
import HavenDomain

/// An evidence file as a reader sees it: what is known about it (opened) and its custody log.
struct OpenedEvidence: Sendable {
    /// One line of the custody log.
    struct CustodyLine: Sendable {
        let action: EvidenceCustody.Action
        let actorID: UUID?
        let at: Date
    }

    let id: UUID
    let about: EvidenceAbout
    let size: Int
    let sourceID: UUID?
    let custody: [CustodyLine]

    /// Whether the browser is shown the file rather than given it to save.
    var isViewable: Bool { EvidenceStore.viewableTypes.contains(about.contentType) }
}
