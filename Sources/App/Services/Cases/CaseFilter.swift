import Foundation
import HavenDomain

/// The case list's filters.
struct CaseFilter: Sendable, Equatable {
    var status: CaseStatus?
    var risk: RiskLevel?
    /// Only cases with an open task past its day.
    var onlyOverdue = false
    /// Only open cases without activity for this many days (0: no filter).
    var inactiveDays = 0
    var page = 1

    static let pageSize = 25
}
