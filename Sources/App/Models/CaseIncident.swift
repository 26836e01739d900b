import Fluent
import Foundation

/// A case's link to an incident it concerns. Shown on the case only, so documentation staff do not learn which
/// incidents have a request for help behind them.
final class CaseIncident: Model, @unchecked Sendable {
    static let schema = "case_incidents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var caseFile: Case
    @Parent(key: "incident_id") var incident: Incident

    init() {}

    init(caseID: UUID, incidentID: UUID) {
        self.$caseFile.id = caseID
        self.$incident.id = incidentID
    }
}
