import HavenDomain
import Vapor

/// The workflow and erasure of an opened case.
extension CasesController {
    /// What the status form posts.
    struct StatusInput: Content {
        var status: String?
        var reason: String?
        /// When closing with open tasks: `done` marks them done, `keep` leaves them open.
        var openTasks: String?
    }

    @Sendable func changeStatus(req: Request) async throws -> Response {
        let (record, key, staff) = try await opened(req)
        let input = try req.content.decode(StatusInput.self)
        guard let status = CaseStatus(rawValue: input.status ?? "") else { throw Abort(.badRequest, reason: req.t("error_bad_request")) }
        let reason = (input.reason ?? "").isEmpty ? nil : ClosingReason(rawValue: input.reason ?? "")
        let cases = req.haven.cases
        if status == .closed, !["done", "keep"].contains(input.openTasks ?? ""), try await cases.openTaskCount(of: record, on: req.db) > 0 {
            return try await again(req, record, key: key, staff: staff) {
                $0.status = FieldState(value: status.rawValue, error: req.t("case_close_open_tasks"))
                $0.asksAboutOpenTasks = true
            }
        }
        do {
            try await cases.changeStatus(of: record, to: status, reason: reason, by: staff, on: req.db)
            if status == .closed, input.openTasks == "done" { _ = try await cases.completeOpenTasks(of: record, by: staff, on: req.db) }
        } catch let refusal as CaseWorkflow.Refusal {
            return try await again(req, record, key: key, staff: staff) {
                $0.status = FieldState(value: status.rawValue, error: req.t(refusal.messageKey))
            }
        }
        return await notice(req, "case_status_changed", code: record.code)
    }

    @Sendable func erase(req: Request) async throws -> Response {
        let (record, key, staff) = try await opened(req)
        guard record.status == .closed else {
            return try await again(req, record, key: key, staff: staff) {
                $0.status = FieldState(value: "", error: req.t("case_erase_only_closed"))
            }
        }
        guard req.isConfirmed else {
            return try await req.confirmation(
                titleKey: "case_erase",
                consequences: [
                    req.t(record.consentsToStatistics ? "case_erase_keeps_statistics" : "case_erase_deletes_all"),
                    req.t("case_erase_confirm_recovery"),
                ], buttonKey: "case_erase", cancelPath: "/app/cases/\(record.code)")
        }
        try await req.haven.cases.erasePersonalData(of: record, actor: staff.actor, on: req.db)
        return await notice(req, "case_erased", code: nil)
    }
}
