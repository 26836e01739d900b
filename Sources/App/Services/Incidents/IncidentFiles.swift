import Foundation
import HavenDomain

/// What an incident's page shows besides its record: who holds its key, its evidence files with their custody lines,
/// its legal proceedings and how many revisions it has.
struct IncidentFiles: Sendable {
    /// Staff holding a copy of a restricted incident's key (none for other incidents).
    let holders: [UUID]
    let evidence: [OpenedEvidence]
    let proceedings: [OpenedProceeding]
    let revisionCount: Int
}
