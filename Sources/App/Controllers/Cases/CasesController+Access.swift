import HavenDomain
import Vapor

/// Giving and removing access to an opened case: only to colleagues whose role runs cases, chosen from a list (no
/// e-mail can be tried), never removing the last holder.
extension CasesController {
    /// What the access forms post.
    struct AssignInput: Content {
        var colleague: UUID?
        var holder: UUID?
    }

    @Sendable func assign(req: Request) async throws -> Response {
        let (record, key, staff) = try await opened(req)
        let chosen = try req.content.decode(AssignInput.self).colleague
        do {
            guard let chosen else { throw RecordAccess.Refusal.notActive }
            try await req.haven.cases.assign(record, key: key, to: chosen, by: staff, on: req.db)
            let db = req.application.db
            req.haven.notices.inBackground { await $0.notify([chosen], on: db) }
        } catch is RecordAccess.Refusal {
            return try await again(req, record, key: key, staff: staff) {
                $0.assignee = FieldState(value: chosen?.uuidString ?? "", error: req.t("case_assign_refused"))
            }
        }
        return await notice(req, "case_assigned", code: record.code)
    }

    @Sendable func unassign(req: Request) async throws -> Response {
        let (record, _, staff) = try await opened(req)
        guard let holder = try req.content.decode(AssignInput.self).holder,
            try await req.haven.cases.unassign(record, holder: holder, by: staff, on: req.db)
        else {
            throw Abort(.conflict, reason: req.t("case_unassign_refused"))
        }
        return await notice(req, "case_unassigned", code: holder == staff.id ? nil : record.code)
    }
}
