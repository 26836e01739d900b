import Fluent
import HavenDomain
import HavenVault
import Vapor

/// Working on an opened case: notes, status, access, tasks, services, linked incidents, erasure.
extension CasesController {
    /// What the incident link form posts.
    struct IncidentLinkInput: Content {
        var incident: String?
    }

    @Sendable func linkIncident(req: Request) async throws -> Response {
        let (record, key, userID) = try await opened(req)
        let typed = try req.content.decode(IncidentLinkInput.self).incident ?? ""
        guard let code = RecordCode.normalized(typed, prefix: "I"), let incident = try await Incident.find(on: req.db, code: code) else {
            var page = try await page(req, record, key: key, userID: userID)
            page.incident = FieldState(value: typed, error: req.t("case_incident_unknown"))
            return try await req.view.render("case", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await Casework.link(app: req.application, db: req.db, record, to: incident, by: userID)
        return try await notice(req, "case_incident_linked", code: record.code)
    }

    @Sendable func addNote(req: Request) async throws -> Response {
        let (record, key, userID) = try await opened(req)
        let text = (try req.content.decode(NoteInput.self).body ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= ReportSubmission.maximumNarrative else {
            var page = try await page(req, record, key: key, userID: userID)
            page.note = FieldState(value: text, error: req.t(text.isEmpty ? "report_problem_narrativeMissing" : "report_problem_narrativeTooLong"))
            return try await req.view.render("case", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await Casework.addNote(app: req.application, db: req.db, to: record, key: key, text: text, by: userID)
        return try await notice(req, "case_note_added", code: record.code)
    }

    @Sendable func changeStatus(req: Request) async throws -> Response {
        let (record, key, userID) = try await opened(req)
        let input = try req.content.decode(StatusInput.self)
        guard let status = CaseStatus(rawValue: input.status ?? "") else { throw Abort(.badRequest, reason: req.t("error_bad_request")) }
        let reason = (input.reason ?? "").isEmpty ? nil : ClosingReason(rawValue: input.reason ?? "")
        do {
            try await Casework.changeStatus(app: req.application, db: req.db, of: record, to: status, reason: reason, by: userID)
        } catch let refusal as CaseWorkflow.Refusal {
            var page = try await page(req, record, key: key, userID: userID)
            page.status = FieldState(value: status.rawValue, error: req.t(refusal.messageKey))
            return try await req.view.render("case", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return try await notice(req, "case_status_changed", code: record.code)
    }

    @Sendable func assign(req: Request) async throws -> Response {
        let (record, key, userID) = try await opened(req)
        let typed = try req.content.decode(AssignInput.self).email ?? ""
        guard let email = EmailAddress(typed),
              try await Casework.assign(app: req.application, db: req.db, record, key: key, email: email, by: userID) else {
            var page = try await page(req, record, key: key, userID: userID)
            page.assignee = FieldState(value: typed, error: req.t("case_assign_unknown"))
            return try await req.view.render("case", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return try await notice(req, "case_assigned", code: record.code)
    }

    @Sendable func unassign(req: Request) async throws -> Response {
        let (record, _, userID) = try await opened(req)
        guard let holder = try req.content.decode(AssignInput.self).holder,
              try await Casework.unassign(app: req.application, db: req.db, record, holder: holder, by: userID) else {
            throw Abort(.conflict, reason: req.t("case_unassign_refused"))
        }
        return try await notice(req, "case_unassigned", code: holder == userID ? nil : record.code)
    }

    @Sendable func addTask(req: Request) async throws -> Response {
        let (record, key, userID) = try await opened(req)
        let input = try req.content.decode(TaskInput.self)
        let title = (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= ReportSubmission.maximumShortField, let day = input.dueOn.flatMap(Day.normalized) else {
            var page = try await page(req, record, key: key, userID: userID)
            page.task = FieldState(value: title, error: req.t("case_task_invalid"))
            return try await req.view.render("case", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await Casework.addTask(app: req.application, db: req.db, to: record, key: key, title: title, dueOn: day, by: userID)
        return try await notice(req, "case_task_added", code: record.code)
    }

    @Sendable func completeTask(req: Request) async throws -> Response {
        let (record, _, userID) = try await opened(req)
        guard let taskID = try req.content.decode(TaskInput.self).task,
              try await Casework.completeTask(app: req.application, db: req.db, of: record, taskID: taskID, by: userID) else { throw Abort(.notFound) }
        return try await notice(req, "case_task_done", code: record.code)
    }

    @Sendable func addService(req: Request) async throws -> Response {
        let (record, key, userID) = try await opened(req)
        let input = try req.content.decode(ServiceInput.self)
        let provider = (input.provider ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let amount = (input.amount ?? "").trimmingCharacters(in: .whitespaces)
        let cost = amount.isEmpty ? nil : Money(parsing: amount, currency: input.currency ?? "")
        let startsOn = (input.startsOn ?? "").isEmpty ? nil : input.startsOn.flatMap(Day.normalized)
        let endsOn = (input.endsOn ?? "").isEmpty ? nil : input.endsOn.flatMap(Day.normalized)
        guard let need = Need(rawValue: input.need ?? ""), let status = ServiceStatus(rawValue: input.status ?? ""),
              !provider.isEmpty, provider.count <= ReportSubmission.maximumShortField,
              amount.isEmpty || cost != nil, (input.startsOn ?? "").isEmpty || startsOn != nil, (input.endsOn ?? "").isEmpty || endsOn != nil else {
            var page = try await page(req, record, key: key, userID: userID)
            page.service = FieldState(value: provider, error: req.t("case_service_invalid"))
            return try await req.view.render("case", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await Casework.addService(app: req.application, db: req.db, to: record, key: key, need: need, provider: provider, status: status,
                                      startsOn: startsOn, endsOn: endsOn, cost: cost, budgetLine: input.budgetLine.flatMap(BudgetLine.init(rawValue:)), by: userID)
        return try await notice(req, "case_service_added", code: record.code)
    }

    @Sendable func erase(req: Request) async throws -> Response {
        let (record, key, userID) = try await opened(req)
        guard record.status == .closed else {
            var page = try await page(req, record, key: key, userID: userID)
            page.status = FieldState(value: "", error: req.t("case_erase_only_closed"))
            return try await req.view.render("case", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await Casework.erasePersonalData(app: req.application, db: req.db, of: record, actor: userID.uuidString)
        return try await notice(req, "case_erased", code: nil)
    }
}
