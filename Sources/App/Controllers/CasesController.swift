import Fluent
import HavenDomain
import HavenVault
import Vapor

/// `/app/cases`: requests for help, each readable only by the staff it is sealed to.
struct CasesController: RouteCollection {
    /// What the new-case form posts.
    struct CaseInput: Content {
        var pseudonym: String?
        var name: String?
        var contact: String?
        var notes: String?
        var firstNote: String?
        var needs: [String]?
        var risk: String?
        var consentsToServices: String?
        var consentsToSharing: String?
        var consentsToStatistics: String?
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
    }

    /// What the task forms post.
    struct TaskInput: Content {
        var title: String?
        var dueOn: String?
        var task: UUID?
    }

    /// What the service form posts.
    struct ServiceInput: Content {
        var need: String?
        var provider: String?
        var status: String?
        var startsOn: String?
        var endsOn: String?
        var amount: String?
        var currency: String?
        var budgetLine: String?
    }

    /// What the status form posts.
    struct StatusInput: Content {
        var status: String?
        var reason: String?
    }

    /// What the note form posts.
    struct NoteInput: Content {
        var body: String?
    }

    /// What the assignment forms post.
    struct AssignInput: Content {
        var email: String?
        var holder: UUID?
    }

    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("app", "cases")
        cases.get(use: list)
        cases.get("new", use: form)
        cases.post(use: create)
        cases.get(":code", use: show)
        cases.post(":code", "notes", use: addNote)
        cases.post(":code", "status", use: changeStatus)
        cases.post(":code", "assign", use: assign)
        cases.post(":code", "unassign", use: unassign)
        cases.post(":code", "tasks", use: addTask)
        cases.post(":code", "tasks", "done", use: completeTask)
        cases.post(":code", "services", use: addService)
        cases.post(":code", "erase", use: erase)
        cases.post(":code", "incidents", use: linkIncident)
        routes.post("app", "inbox", ":reportID", "case", use: createFromReport)
    }

    private func requireCaseRole(_ req: Request) throws -> (id: UUID, privateKey: Curve25519.KeyAgreement.PrivateKey) {
        guard req.staffSession?.role?.runsCases == true else { throw Abort(.forbidden, reason: req.t("cases_not_your_role")) }
        return try req.signedInStaff()
    }

    private func choices<T: MenuTerm>(_ type: T.Type, chosen: Set<String> = [], req: Request) -> [Choice] {
        T.allCases.map { Choice(code: $0.rawValue, name: req.t($0.labelKey), isChosen: chosen.contains($0.rawValue)) }
    }

    @Sendable func list(req: Request) async throws -> Response {
        let staff = try req.signedInStaff()
        let query = try req.query.decode(ListQuery.self)
        var page = CaseListPage(chrome: await .make(for: req, titleKey: "cases_title"), cases: [], counts: [],
                                isOverdueView: query.view == "overdue", inactiveDays: query.inactiveDays.map { String($0.value) } ?? "",
                                statuses: choices(CaseStatus.self, chosen: [query.status ?? ""], req: req),
                                risks: choices(RiskLevel.self, chosen: [query.risk ?? ""], req: req),
                                canCreate: req.staffSession?.role?.runsCases == true)
        if let typed = query.code, !typed.isEmpty {
            if let code = CaseCode.normalized(typed), try await Case.find(on: req.db, code: code) != nil { return req.seeOther("/app/cases/\(code)") }
            page.code = FieldState(value: typed, error: req.t("cases_code_unknown"))
        }
        let held = try await KeyGrant.held(table: Case.schema, userID: staff.id, on: req.db)
        let granted = Array(held.keys)
        var cases = Case.query(on: req.db).filter(\.$id ~~ granted)
        if let status = query.status.flatMap(CaseStatus.init(rawValue:)) { cases = cases.filter(\.$status == status) }
        if let risk = query.risk.flatMap(RiskLevel.init(rawValue:)) { cases = cases.filter(\.$risk == risk) }
        if let days = query.inactiveDays?.value, days > 0 {
            cases = cases.filter(\.$lastActivityAt < Date().addingTimeInterval(-Double(days) * 86_400)).filter(\.$status != .closed)
        }
        if query.view == "overdue" {
            let overdue = try await CaseTask.query(on: req.db).filter(\.$isDone == false).filter(\.$dueOn < Day.today())
                .filter(\.$caseFile.$id ~~ granted).all().map(\.$caseFile.id)
            cases = cases.filter(\.$id ~~ overdue)
        }
        for record in try await cases.sort(\.$lastActivityAt, .descending).limit(200).all() {
            guard let key = try held[record.requireID()]?.openKey(with: staff.privateKey) else { continue }
            let requester = try JSONDecoder().decode(Requester.self, from: Data(try FieldCipher.open(record.requesterSealed, with: key,
                                                                                                        binding: Casework.requesterBinding(record.requireID())).utf8))
            page.cases.append(.init(code: record.code, pseudonym: requester.pseudonym, statusName: req.t(record.status.labelKey),
                                    riskName: req.t(record.risk.labelKey), risk: record.risk.rawValue, lastActivity: ReportThread.format(record.lastActivityAt)))
        }
        if req.staffSession?.role?.seesCaseCounts == true {
            for status in CaseStatus.allCases {
                page.counts.append(.init(statusName: req.t(status.labelKey), count: try await Case.query(on: req.db).filter(\.$status == status).count()))
            }
        }
        return try await req.view.render("cases", page).encodeResponse(status: page.code.error == nil ? .ok : .notFound, for: req)
    }

    private func emptyForm(_ req: Request) async -> CaseFormPage {
        CaseFormPage(chrome: await .make(for: req, titleKey: "cases_new_title"),
                     needs: choices(Need.self, req: req),
                     risks: choices(RiskLevel.self, chosen: ["moderate"], req: req))
    }

    @Sendable func form(req: Request) async throws -> View {
        _ = try requireCaseRole(req)
        return try await req.view.render("case-new", await emptyForm(req))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let staff = try requireCaseRole(req)
        let input = try req.content.decode(CaseInput.self)
        let needs = (input.needs ?? []).compactMap(Need.init(rawValue:))
        var page = await emptyForm(req)
        page.needs = choices(Need.self, chosen: Set(needs.map(\.rawValue)), req: req)
        page.risks = choices(RiskLevel.self, chosen: [input.risk ?? ""], req: req)
        page.pseudonym.value = (input.pseudonym ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        page.name.value = input.name ?? ""
        page.contact.value = input.contact ?? ""
        page.notes.value = input.notes ?? ""
        page.firstNote.value = input.firstNote ?? ""
        page.consentsToServices = input.consentsToServices == "yes"
        page.consentsToSharing = input.consentsToSharing == "yes"
        page.consentsToStatistics = input.consentsToStatistics == "yes"
        if page.pseudonym.value.isEmpty || page.pseudonym.value.count > 100 { page.pseudonym.error = req.t("cases_pseudonym_missing") }
        for field in [\CaseFormPage.name, \.contact] where page[keyPath: field].value.count > ReportSubmission.maximumShortField {
            page[keyPath: field].error = req.t("report_problem_fieldTooLong")
        }
        for field in [\CaseFormPage.notes, \.firstNote] where page[keyPath: field].value.count > ReportSubmission.maximumNarrative {
            page[keyPath: field].error = req.t("report_problem_narrativeTooLong")
        }
        let risk = RiskLevel(rawValue: input.risk ?? "")
        guard let risk, [page.pseudonym, page.name, page.contact, page.notes, page.firstNote].allSatisfy({ $0.error == nil }) else {
            return try await req.view.render("case-new", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let new = NewCase(requester: Requester(pseudonym: page.pseudonym.value, name: page.name.value, contact: page.contact.value, notes: page.notes.value),
                          risk: risk, needs: needs, consents: (page.consentsToServices, page.consentsToSharing, page.consentsToStatistics),
                          firstNote: page.firstNote.value.trimmingCharacters(in: .whitespacesAndNewlines), sourceReportID: nil)
        let code = try await Casework.create(app: req.application, db: req.db, new, by: try await creator(req, staff.id))
        return req.seeOther("/app/cases/\(code)")
    }

    private func creator(_ req: Request, _ id: UUID) async throws -> (id: UUID, publicKey: Data) {
        guard let user = try await User.find(id, on: req.db) else { throw Abort(.unauthorized) }
        return (id, user.publicKey)
    }

    /// Triage: a case from an anonymous report, with the report's needs and contact; the report stays in the inbox.
    @Sendable func createFromReport(req: Request) async throws -> Response {
        let staff = try requireCaseRole(req)
        guard let reportID = req.parameters.get("reportID", as: UUID.self), let report = try await Report.find(reportID, on: req.db) else {
            throw Abort(.notFound)
        }
        let (key, _) = try await req.recordKey(table: Report.schema, id: reportID, deniedAction: "report.read.denied", reasonKey: "inbox_not_yours")
        let opened = try await Intake.open(report, key: key, db: req.db)
        let submission = opened.submission
        let new = NewCase(requester: Requester(pseudonym: req.t("cases_from_report") + " " + ReportThread.format(opened.receivedAt), name: "",
                                               contact: submission.contact, notes: submission.narrative),
                          risk: .moderate, needs: submission.needs, consents: (false, false, false), firstNote: "", sourceReportID: reportID)
        let code = try await Casework.create(app: req.application, db: req.db, new, by: try await creator(req, staff.id))
        return req.seeOther("/app/cases/\(code)")
    }

    /// The case and its key for this user; 403 (audited) without a key copy, 404 for an unknown code.
    func opened(_ req: Request) async throws -> (Case, SymmetricKey, UUID) {
        guard let code = req.parameters.get("code").flatMap(CaseCode.normalized), let record = try await Case.find(on: req.db, code: code) else {
            throw Abort(.notFound)
        }
        let (key, userID) = try await req.recordKey(table: Case.schema, id: try record.requireID(), deniedAction: "case.read.denied", reasonKey: "cases_not_yours")
        return (record, key, userID)
    }

    @Sendable func show(req: Request) async throws -> View {
        let (record, key, userID) = try await opened(req)
        try await req.haven.audit.append(on: req.db, actor: userID.uuidString, action: "case.read", table: Case.schema, id: record.requireID().uuidString)
        return try await req.view.render("case", try await page(req, record, key: key, userID: userID))
    }

    func page(_ req: Request, _ record: Case, key: SymmetricKey, userID: UUID) async throws -> CasePage {
        let opened = try await Casework.open(record, key: key, db: req.db)
        let consents = [(record.consentsToServices, "case_consent_services"), (record.consentsToSharing, "case_consent_sharing"),
                        (record.consentsToStatistics, "case_consent_statistics")].filter(\.0).map { req.t($0.1) }
        return CasePage(
            chrome: await .make(for: req, titleKey: "case_title"), code: record.code, requester: opened.requester,
            statusName: req.t(record.status.labelKey), closingReasonName: record.closingReason.map { req.t($0.labelKey) } ?? "",
            riskName: req.t(record.risk.labelKey), needs: record.needList.map { req.t($0.labelKey) }, consents: consents,
            notes: opened.notes.map { .init(body: $0.body, writtenAt: ReportThread.format($0.writtenAt)) },
            events: opened.events.map { .init(text: eventText($0, req: req, userID: userID), happenedAt: ReportThread.format($0.happenedAt)) },
            holders: opened.holders.map { .init(id: $0.uuidString, isSelf: $0 == userID) },
            nextStatuses: CaseWorkflow.next(after: record.status).map { Choice(code: $0.rawValue, name: req.t($0.labelKey)) },
            closingReasons: choices(ClosingReason.self, req: req), fromReport: record.sourceReportID != nil,
            tasks: opened.tasks.map { .init(id: $0.id.uuidString, title: $0.title, dueOn: $0.dueOn, isDone: $0.isDone, isOverdue: !$0.isDone && $0.dueOn < Day.today()) },
            services: opened.services.map { service in
                .init(needName: req.t(service.need.labelKey), provider: service.provider, statusName: req.t(service.status.labelKey),
                      dates: [service.startsOn, service.endsOn].compactMap { $0 }.joined(separator: " – "),
                      cost: service.cost?.description ?? "", budgetLineName: service.budgetLine.map { req.t($0.labelKey) } ?? "")
            },
            caseNeeds: record.needList.isEmpty ? choices(Need.self, req: req) : record.needList.map { Choice(code: $0.rawValue, name: req.t($0.labelKey)) },
            serviceStatuses: choices(ServiceStatus.self, req: req), budgetLines: choices(BudgetLine.self, req: req),
            isClosed: record.status == .closed, consentsToStatistics: record.consentsToStatistics,
            incidents: try await Casework.incidents(of: record, on: req.db).map { incident in
                .init(code: incident.code, title: incident.isRestricted ? req.t("incident_restricted_title") : incident.title)
            })
    }

    private func eventText(_ event: CaseEvent, req: Request, userID: UUID) -> String {
        let who = event.$actor.id == userID ? req.t("case_event_you") : req.t("case_event_staff") + " " + String(event.$actor.id?.uuidString.prefix(8) ?? "—")
        let detail: String
        switch event.kind {
        case .status:
            let parts = event.detail.split(separator: ":").map(String.init)
            detail = (parts.first.flatMap(CaseStatus.init(rawValue:)).map { req.t($0.labelKey) } ?? "")
                + (parts.count > 1 ? " (" + (ClosingReason(rawValue: parts[1]).map { req.t($0.labelKey) } ?? "") + ")" : "")
        case .assigned, .unassigned: detail = String(event.detail.prefix(8))
        case .incident: detail = event.detail
        default: detail = ""
        }
        return "\(who): \(req.t("case_event_\(event.kind.rawValue)")) \(detail)".trimmingCharacters(in: .whitespaces)
    }

    func notice(_ req: Request, _ key: String, code: String?) async throws -> Response {
        await req.seeOther(code.map { "/app/cases/\($0)" } ?? "/app/cases", notice: key)
    }
}
