import Fluent
import Foundation
import HavenDomain
import Vapor

/// Deletes what has been kept long enough: closed reports after `HAVEN_RETAIN_CLOSED_REPORTS_DAYS` without activity, and
/// the personal data of closed cases after `HAVEN_RETAIN_CLOSED_CASES_DAYS` (off by default).
enum Retention {
    /// Deletes expired records irreversibly (rows, key copies, files), one audit entry each; returns how many.
    @discardableResult
    static func run(app: Application, now: Date = Date()) async throws -> Int {
        try await expireReports(app: app, now: now) + expireCases(app: app, now: now)
    }

    private static func expireReports(app: Application, now: Date) async throws -> Int {
        guard let days = app.haven.configuration.closedReportRetentionDays else { return 0 }
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        let expired = try await Report.query(on: app.db).filter(\.$status == .closed).filter(\.$lastActivityAt < cutoff).all()
        let ids = try expired.map { try $0.requireID() }
        try await Intake.delete(app: app, db: app.db, reportIDs: ids, actor: "system", action: "report.retention.delete")
        return ids.count
    }

    private static func expireCases(app: Application, now: Date) async throws -> Int {
        guard let days = app.haven.configuration.closedCaseRetentionDays else { return 0 }
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        let expired = try await Case.query(on: app.db).filter(\.$status == .closed).filter(\.$lastActivityAt < cutoff)
            .filter(\.$requesterSealed != Data()).all()
        for record in expired { try await Casework.erasePersonalData(app: app, db: app.db, of: record, actor: "system") }
        return expired.count
    }

    /// Runs the cleaning once a day while the server runs (first run a minute after start).
    static func schedule(on app: Application) {
        let eventLoop = app.eventLoopGroup.next()
        eventLoop.scheduleRepeatedAsyncTask(initialDelay: .minutes(1), delay: .hours(24)) { _ in
            eventLoop.makeFutureWithTask {
                do {
                    let deleted = try await run(app: app)
                    app.logger.notice("retention: \(deleted) expired record(s) deleted")
                } catch {
                    app.logger.error("retention failed", metadata: ["error": "\(type(of: error))"])
                }
            }
        }
    }
}

/// `haven retention run`: deletes expired records now.
struct RetentionCommand: AsyncCommandGroup {
    var help: String { "Deletes records kept longer than the retention settings." }
    var commands: [String: any AnyAsyncCommand] { ["run": RetentionRunCommand()] }
}

/// Deletes expired records once and says how many.
struct RetentionRunCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Deletes expired records now (the server also does it once a day)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let deleted = try await Retention.run(app: context.application)
        context.console.print("retention: \(deleted) expired record(s) deleted")
    }
}
