import Foundation
import HavenDomain

/// A legal proceeding, opened.
struct OpenedProceeding: Sendable {
    let id: UUID
    let draft: ProceedingDraft
}
