import Foundation
import HavenDomain

/// A public incident as the public site shows it: clear fields only, no person, and only the sources the public may
/// see.
struct PublicIncident: Sendable {
    let record: Incident
    let narrative: IncidentNarrative
    let types: [String]
    let acts: [ActDetails]
    let sources: [(id: UUID, draft: SourceDraft)]
}
