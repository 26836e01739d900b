import Fluent
import Foundation
import HavenDomain
import NIOCore

/// Deletes what has been kept long enough: closed reports after `HAVEN_RETAIN_CLOSED_REPORTS_DAYS` without activity, and
/// the personal data of closed cases after `HAVEN_RETAIN_CLOSED_CASES_DAYS` (off by default).
struct Retention: Sendable {
    let configuration: HavenConfiguration
    let intake: Intake
    let cases: Casework
    let logger: Logger

    /// Deletes expired records irreversibly (rows, key copies, files), one audit entry each; returns how many.
    @discardableResult
    func run(now: Date = Date(), on db: any Database) async throws -> Int {
        var deleted = 0
        if let days = configuration.closedReportRetentionDays {
            let expired = try await intake.expired(before: now.addingTimeInterval(-Double(days) * 86_400), on: db)
            try await intake.delete(expired, actor: "system", action: "report.retention.delete", on: db)
            deleted += expired.count
        }
        if let days = configuration.closedCaseRetentionDays {
            let expired = try await cases.expired(before: now.addingTimeInterval(-Double(days) * 86_400), on: db)
            for record in expired { try await cases.erasePersonalData(of: record, actor: "system", on: db) }
            deleted += expired.count
        }
        return deleted
    }

    /// Runs the cleaning once a day while the server runs (first run a minute after start).
    func schedule(on eventLoop: any EventLoop, db: @escaping @Sendable () -> any Database) {
        eventLoop.scheduleRepeatedAsyncTask(initialDelay: .minutes(1), delay: .hours(24)) { _ in
            eventLoop.makeFutureWithTask {
                do {
                    let deleted = try await run(on: db())
                    logger.notice("retention: \(deleted) expired record(s) deleted")
                } catch {
                    logger.error("retention failed", metadata: ["error": "\(type(of: error))"])
                }
            }
        }
    }
}
