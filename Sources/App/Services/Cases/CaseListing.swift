import Foundation
import HavenDomain

/// One page of the cases sealed to a staff member.
struct CaseListing: Sendable {
    /// One case's line; the pseudonym opened with the staff member's key.
    struct Row: Sendable {
        let code: String
        let pseudonym: String
        let status: CaseStatus
        let risk: RiskLevel
        let lastActivityAt: Date
    }

    let rows: [Row]
    let total: Int
    let page: Int

    var pageCount: Int { max(1, (total + CaseFilter.pageSize - 1) / CaseFilter.pageSize) }
}
