import Fluent
import Foundation
import HavenDomain
import Vapor

extension Casework {
    /// Moves a case along the workflow; throws the refusal for an illegal change.
    func changeStatus(
        of record: Case, to status: CaseStatus, reason: ClosingReason?, by staff: SignedInStaff, now: Date = Date(),
        on db: any Database
    ) async throws {
        try CaseWorkflow.check(from: record.status, to: status, reason: reason)
        record.status = status
        record.closingReason = reason
        try await recordChange(
            record, event: .status, detail: status.rawValue + (reason.map { ":" + $0.rawValue } ?? ""),
            action: "case.status.\(status.rawValue)", by: staff, now: now, on: db
        ) { _ in }
    }
}
