import HavenDomain
import Vapor

/// `/app/cases`: requests for help, each readable only by the staff it is sealed to. Every route needs a case role,
/// then a key copy of the case.
struct CasesController: RouteCollection {
    /// What the new-case form posts.
    struct CaseInput: Content {
        var pseudonym, name, contact, notes, firstNote, risk: String?
        var needs: [String]?
        var consentsToServices, consentsToSharing, consentsToStatistics: String?

        var draft: CaseDraft {
            var draft = CaseDraft()
            draft.pseudonym = (pseudonym ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            draft.name = name ?? ""
            draft.contact = contact ?? ""
            draft.notes = notes ?? ""
            draft.firstNote = firstNote ?? ""
            draft.needs = (needs ?? []).compactMap(Need.init(rawValue:))
            draft.risk = risk.flatMap(RiskLevel.init(rawValue:))
            draft.consentsToServices = consentsToServices == "yes"
            draft.consentsToSharing = consentsToSharing == "yes"
            draft.consentsToStatistics = consentsToStatistics == "yes"
            return draft
        }
    }

    /// The list's filters and the find-by-code field.
    struct ListQuery: Content {
        var status: String?
        var risk: String?
        var code: String?
        /// `overdue`: only cases with an open task past its day.
        var view: String?
        /// Only cases without activity for this many days.
        var inactiveDays: DayCount?
        var page: PageNumber?

        var filter: CaseFilter {
            var filter = CaseFilter()
            filter.status = status.flatMap(CaseStatus.init(rawValue:))
            filter.risk = risk.flatMap(RiskLevel.init(rawValue:))
            filter.onlyOverdue = view == "overdue"
            filter.inactiveDays = inactiveDays?.value ?? 0
            filter.page = page?.value ?? 1
            return filter
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("app", "cases").grouped(
            RequireCapability(.runsCases, deniedAction: "case.read.denied", record: .case, parameter: "code"))
        cases.get(use: list)
        cases.get("new", use: form)
        cases.post(use: create)
        cases.get(":code", use: show)
        cases.get(":code", "edit", use: editForm)
        cases.post(":code", "edit", use: edit)
        cases.post(":code", "notes", use: addNote)
        cases.post(":code", "status", use: changeStatus)
        cases.post(":code", "assign", use: assign)
        cases.post(":code", "unassign", use: unassign)
        cases.post(":code", "tasks", use: addTask)
        cases.post(":code", "tasks", "done", use: completeTask)
        cases.post(":code", "tasks", "edit", use: editTask)
        cases.post(":code", "tasks", "remove", use: removeTask)
        cases.post(":code", "services", use: addService)
        cases.post(":code", "services", "change", use: changeService)
        cases.post(":code", "services", "remove", use: removeService)
        cases.post(":code", "erase", use: erase)
        cases.post(":code", "incidents", use: linkIncident)
        cases.post(":code", "report", "reply", use: replyToReport)
        cases.get(":code", "report", "attachments", ":attachmentID", use: downloadReportFile)
        // Triage reads a report, so it needs an intake role as well as a case role.
        routes.grouped(RequireCapability(.triagesIntake, deniedAction: "report.read.denied", record: .report, parameter: "reportID"))
            .grouped(RequireCapability(.runsCases)).post("app", "inbox", ":reportID", "case", use: createFromReport)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let staff = try req.require(.runsCases)
        let query = try req.query.decode(ListQuery.self)
        let cases = req.haven.cases
        var page = CaseListPage(
            chrome: await .make(for: req, titleKey: "cases_title"), cases: [], counts: [],
            isOverdueView: query.view == "overdue", inactiveDays: query.inactiveDays.map { String($0.value) } ?? "",
            statuses: req.choices(CaseStatus.self, chosen: [query.status ?? ""]),
            risks: req.choices(RiskLevel.self, chosen: [query.risk ?? ""]), canCreate: true)
        if let typed = query.code, !typed.isEmpty {
            if let code = CaseCode.normalized(typed), try await cases.exists(code: code, on: req.db) {
                return req.seeOther("/app/cases/\(code)")
            }
            page.code = FieldState(value: typed, error: req.t("cases_code_unknown"))
        }
        let listing = try await cases.list(query.filter, for: staff, on: req.db)
        page.cases = listing.rows.map { row in
            .init(
                code: row.code, pseudonym: row.pseudonym, statusName: req.t(row.status.labelKey), riskName: req.t(row.risk.labelKey),
                risk: row.risk.rawValue, lastActivity: req.moment(row.lastActivityAt))
        }
        page.total = listing.total
        page.page = listing.page
        page.pageCount = listing.pageCount
        page.previousPage = listing.page > 1 ? PageLinks.link(req, page: listing.page - 1) : nil
        page.nextPage = listing.page < listing.pageCount ? PageLinks.link(req, page: listing.page + 1) : nil
        if staff.role.seesCaseCounts {
            page.counts = try await cases.countsByStatus(on: req.db).map { .init(statusName: req.t($0.status.labelKey), count: $0.count) }
        }
        return try await req.render(page, status: page.code.error == nil ? .ok : .notFound)
    }

    private func formPage(
        _ req: Request, _ draft: CaseDraft = CaseDraft(), problems: [String: CaseDraft.Problem] = [:], editing code: String? = nil
    ) async -> CaseFormPage {
        func field(_ name: String, _ value: String) -> FieldState {
            FieldState(value: value, error: problems[name].map { req.t($0.messageKey) })
        }
        var page = CaseFormPage(
            chrome: await .make(for: req, titleKey: code == nil ? "cases_new_title" : "case_edit_title"),
            needs: req.choices(Need.self, chosen: Set(draft.needs.map(\.rawValue))),
            risks: req.choices(RiskLevel.self, chosen: [draft.risk?.rawValue ?? (problems.isEmpty ? "moderate" : "")]))
        page.pseudonym = field("pseudonym", draft.pseudonym)
        page.name = field("name", draft.name)
        page.contact = field("contact", draft.contact)
        page.notes = field("notes", draft.notes)
        page.firstNote = field("firstNote", draft.firstNote)
        page.riskError = problems["risk"].map { req.t($0.messageKey) }
        page.consentsToServices = draft.consentsToServices
        page.consentsToSharing = draft.consentsToSharing
        page.consentsToStatistics = draft.consentsToStatistics
        if let code {
            page.action = "/app/cases/\(code)/edit"
            page.isEdit = true
        }
        return page
    }

    /// The case's details in the new-case form, to correct them.
    @Sendable func editForm(req: Request) async throws -> Response {
        let (record, key, _) = try await opened(req)
        return try await req.render(await formPage(req, try req.haven.cases.draft(of: record, key: key), editing: record.code))
    }

    /// Saves corrected details; a form with problems comes back as typed, and nothing changes.
    @Sendable func edit(req: Request) async throws -> Response {
        let (record, key, staff) = try await opened(req)
        var draft = try req.content.decode(CaseInput.self).draft
        draft.firstNote = ""
        let problems = draft.problems
        guard problems.isEmpty, let risk = draft.risk else {
            return try await req.render(
                await formPage(req, draft, problems: problems, editing: record.code), status: .unprocessableEntity)
        }
        let changed = try await req.haven.cases.update(record, key: key, to: draft, risk: risk, by: staff, on: req.db)
        return await notice(req, changed.isEmpty ? "case_edit_unchanged" : "case_edit_saved", code: record.code)
    }

    @Sendable func form(req: Request) async throws -> Response {
        _ = try req.require(.runsCases)
        return try await req.render(await formPage(req))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let staff = try req.require(.runsCases)
        let draft = try req.content.decode(CaseInput.self).draft
        let problems = draft.problems
        guard problems.isEmpty, let risk = draft.risk else {
            return try await req.render(await formPage(req, draft, problems: problems), status: .unprocessableEntity)
        }
        let code = try await req.haven.cases.create(NewCase(draft: draft, risk: risk, sourceReportID: nil), by: staff, on: req.db)
        return req.seeOther("/app/cases/\(code)")
    }

    /// Triage: a case from an anonymous report, with the report's needs and contact; the report stays in the inbox.
    @Sendable func createFromReport(req: Request) async throws -> Response {
        let staff = try req.require(.runsCases)
        _ = try req.require(.triagesIntake)
        guard let reportID = req.parameters.get("reportID", as: UUID.self) else { throw Abort(.notFound) }
        let code = try await req.haven.cases.create(
            fromReport: reportID, by: staff, pseudonymPrefix: req.t("cases_from_report"),
            reason: req.t("inbox_not_yours"), on: req.db)
        return req.seeOther("/app/cases/\(code)")
    }

    /// The case in the path and its key for this user; 403 (audited) without a key copy, 404 for an unknown code.
    func opened(_ req: Request) async throws -> (Case, SymmetricKey, SignedInStaff) {
        let staff = try req.require(.runsCases)
        let (record, key) = try await req.haven.cases.record(
            code: req.parameters.get("code"), for: staff, reason: req.t("cases_not_yours"), on: req.db)
        return (record, key, staff)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (record, key, staff) = try await opened(req)
        try await req.haven.cases.recordReading(record, by: staff, on: req.db)
        return try await req.render(try await CasePageBuilder(req, staff: staff).page(record, key: key))
    }

    func notice(_ req: Request, _ key: String, code: String?) async -> Response {
        await req.seeOther(code.map { "/app/cases/\($0)" } ?? "/app/cases", notice: key)
    }

    /// The case page again with a problem next to one form.
    func again(_ req: Request, _ record: Case, key: SymmetricKey, staff: SignedInStaff, _ change: (inout CasePage) -> Void) async throws
        -> Response
    {
        var page = try await CasePageBuilder(req, staff: staff).page(record, key: key)
        change(&page)
        return try await req.render(page, status: .unprocessableEntity)
    }
}
