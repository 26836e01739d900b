import Fluent
import Foundation
import HavenDomain

/// A request for help run until it is closed. The requester's identity and every note are sealed under the case's key;
/// needs, risk, status, consent and dates stay in clear for anonymous statistics.
final class Case: Model, @unchecked Sendable {
    static let schema = "cases"

    @ID(key: .id) var id: UUID?
    /// The pseudonymous code shown everywhere, e.g. `C-7KQ2M9`.
    @Field(key: "code") var code: String
    @Enum(key: "status") var status: CaseStatus
    @OptionalEnum(key: "closing_reason") var closingReason: ClosingReason?
    @Enum(key: "risk") var risk: RiskLevel
    /// Need codes, comma-separated.
    @Field(key: "needs") var needs: String
    @Field(key: "consents_to_services") var consentsToServices: Bool
    @Field(key: "consents_to_sharing") var consentsToSharing: Bool
    @Field(key: "consents_to_statistics") var consentsToStatistics: Bool
    /// The requester (pseudonym, name, contact, notes) as JSON, sealed.
    @Field(key: "requester_sealed") var requesterSealed: Data
    /// The anonymous report the case was triaged from, while that report exists.
    @OptionalField(key: "source_report_id") var sourceReportID: UUID?
    @Field(key: "opened_at") var openedAt: Date
    @Field(key: "last_activity_at") var lastActivityAt: Date

    init() {}

    init(
        id: UUID, code: String, risk: RiskLevel, needs: [Need], consents: (services: Bool, sharing: Bool, statistics: Bool),
        requesterSealed: Data, sourceReportID: UUID?, at date: Date
    ) {
        self.id = id
        self.code = code
        self.status = .new
        self.risk = risk
        self.needs = needs.map(\.rawValue).joined(separator: ",")
        self.consentsToServices = consents.services
        self.consentsToSharing = consents.sharing
        self.consentsToStatistics = consents.statistics
        self.requesterSealed = requesterSealed
        self.sourceReportID = sourceReportID
        self.openedAt = date
        self.lastActivityAt = date
    }

    /// The case with this code, if any.
    static func find(on db: any Database, code: String) async throws -> Case? {
        try await Case.query(on: db).filter(\.$code == code).first()
    }

    /// The needs as vocabulary terms.
    var needList: [Need] { needs.split(separator: ",").compactMap { Need(rawValue: String($0)) } }
}
