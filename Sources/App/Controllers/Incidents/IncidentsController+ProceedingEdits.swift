import HavenDomain
import Vapor

/// Legal proceedings corrected after the fact: every field, hearing days and outcomes (also after the hearing), and
/// removal; each change keeps the proceeding as it was.
extension IncidentsController {
    /// What the proceeding edit form posts: the proceeding's fields and its hearings by row.
    struct ProceedingEditInput: Content {
        /// One hearing row; `remove` drops it.
        struct HearingRow: Content {
            var day, outcome, remove: String?
        }

        var hearings: [String: HearingRow]?
    }

    @Sendable func editProceeding(req: Request) async throws -> Response {
        let (record, keys, staff) = try await Self.opened(req, writing: true)
        let opened = try await req.haven.proceedings.one(try proceedingID(req), of: record, key: keys.incident, on: req.db)
        let builder = IncidentPageBuilder(req, staff: staff)
        let rows = opened.draft.hearings.map { ProceedingEditPage.HearingRow(day: FieldState(value: $0.day), outcome: $0.outcome) }
        return try await req.render(try await builder.proceedingEditPage(record, opened.id, opened.draft, rows: rows, keys: keys))
    }

    @Sendable func updateProceeding(req: Request) async throws -> Response {
        let (record, keys, staff) = try await Self.opened(req, writing: true)
        let id = try proceedingID(req)
        _ = try await req.haven.proceedings.one(id, of: record, key: keys.incident, on: req.db)
        var draft = try req.content.decode(ProceedingInput.self).draft
        let rows = hearingRows(req, try req.content.decode(ProceedingEditInput.self))
        draft.hearings = rows.compactMap { row in Day.normalized(row.day.value).map { Hearing(day: $0, outcome: row.outcome) } }
        let problems = draft.problems
        guard problems.isEmpty, rows.allSatisfy({ $0.day.error == nil }) else {
            let page = try await IncidentPageBuilder(req, staff: staff).proceedingEditPage(
                record, id, draft, problems: problems, rows: rows, keys: keys)
            return try await req.render(page, status: .unprocessableEntity)
        }
        try await req.haven.proceedings.update(id, to: draft, of: record, key: keys.incident, by: staff, on: req.db)
        return await notice(req, "proceeding_updated", code: record.code)
    }

    @Sendable func removeProceeding(req: Request) async throws -> Response {
        let (record, keys, staff) = try await Self.opened(req, writing: true)
        let opened = try await req.haven.proceedings.one(try proceedingID(req), of: record, key: keys.incident, on: req.db)
        guard req.isConfirmed else {
            return try await req.confirmation(
                titleKey: "proceeding_remove_confirm_title",
                consequences: [
                    req.t("proceeding_remove_confirm_gone").replacingOccurrences(of: "{court}", with: opened.draft.court),
                    req.t("proceeding_remove_confirm_revision"),
                ], buttonKey: "proceeding_remove", cancelPath: "/app/incidents/\(record.code)/proceedings/\(opened.id)/edit")
        }
        try await req.haven.proceedings.remove(opened.id, of: record, key: keys.incident, by: staff, on: req.db)
        return await notice(req, "proceeding_removed", code: record.code)
    }

    private func proceedingID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("proceedingID", as: UUID.self) else { throw Abort(.notFound) }
        return id
    }

    /// The posted hearing rows in their order, without removed and empty ones, each day checked.
    private func hearingRows(_ req: Request, _ input: ProceedingEditInput) -> [ProceedingEditPage.HearingRow] {
        let posted = (input.hearings ?? [:]).compactMap { key, row in Int(key).map { ($0, row) } }.sorted { $0.0 < $1.0 }.prefix(200)
        return posted.compactMap { _, row in
            let day = (row.day ?? "").trimmingCharacters(in: .whitespaces)
            let outcome = String((row.outcome ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(2_000))
            guard row.remove != "yes", !(day.isEmpty && outcome.isEmpty) else { return nil }
            let error = Day.normalized(day) == nil ? req.t("proceeding_problem_notADay") : nil
            return ProceedingEditPage.HearingRow(day: FieldState(value: day, error: error), outcome: outcome)
        }
    }
}
