import HavenDomain
import Vapor

/// `/app/incidents`: documented incidents, entered in one flow, found by filters and search. Every route needs a role
/// that reads documentation; writing needs one that writes it; a restricted incident needs a key copy besides.
struct IncidentsController: RouteCollection {
    /// The list's filters as the query string carries them.
    struct ListQuery: Content {
        var q, country, type, heading, from, to, confidentiality, verification, perpetrator: String?
        var page: PageNumber?

        var filter: IncidentFilter {
            var filter = IncidentFilter()
            filter.text = String((q ?? "").prefix(200))
            filter.country = country ?? ""
            filter.type = type ?? ""
            filter.heading = heading ?? ""
            filter.from = from ?? ""
            filter.to = to ?? ""
            filter.confidentiality = confidentiality.flatMap(Confidentiality.init(rawValue:))
            filter.verification = verification.flatMap(VerificationStatus.init(rawValue:))
            filter.perpetratorType = perpetrator ?? ""
            filter.page = page?.value ?? 1
            return filter
        }
    }

    /// What the new-incident form may start from.
    struct NewQuery: Content {
        /// An anonymous report to document: its narrative, place and time fill the form.
        var report: UUID?
    }

    /// The largest evidence upload, from `HAVEN_EVIDENCE_MAX_MB`.
    let evidenceMaximumBytes: Int

    func boot(routes: any RoutesBuilder) throws {
        let readers = routes.grouped(
            RequireCapability(.readsDocumentation, deniedAction: "incident.read.denied", record: .incident, parameter: "code"))
        let incidents = readers.grouped("app", "incidents")
        incidents.get(use: list)
        incidents.get("new", use: newForm)
        incidents.post(use: create)
        incidents.get(":code", use: show)
        incidents.get(":code", "edit", use: editForm)
        incidents.post(":code", use: update)
        incidents.post(":code", "delete", use: delete)
        incidents.post(":code", "merge", use: merge)
        incidents.get(":code", "revisions", use: revisions)
        incidents.postStreamed(":code", "evidence", use: upload)
        incidents.get(":code", "evidence", ":evidenceID", use: download)
        incidents.get(":code", "evidence", ":evidenceID", "view", use: view)
        incidents.post(":code", "access", use: grantAccess)
        incidents.post(":code", "access", "revoke", use: revokeAccess)
        incidents.post(":code", "proceedings", use: addProceeding)
        incidents.post(":code", "proceedings", ":proceedingID", "hearings", use: addHearing)
        incidents.get(":code", "proceedings", ":proceedingID", "edit", use: editProceeding)
        incidents.post(":code", "proceedings", ":proceedingID", use: updateProceeding)
        incidents.post(":code", "proceedings", ":proceedingID", "remove", use: removeProceeding)
        incidents.get(":code", "report", "attachments", ":attachmentID", use: downloadReportFile)
        incidents.post(":code", "report", "attachments", ":attachmentID", "evidence", use: carryReportFile)
        readers.get("app", "hearings", use: hearings)
    }

    @Sendable func list(req: Request) async throws -> Response {
        _ = try req.require(.readsDocumentation)
        let query = try req.query.decode(ListQuery.self)
        let filter = query.filter
        let (result, types) = try await req.haven.incidents.list(filter, on: req.db)
        let form = IncidentFormBuilder(req)
        let headings =
            [Choice(code: "", name: "—", isChosen: filter.heading.isEmpty)]
            + AnnualReviewHeading.allCases.map {
                Choice(code: $0.rawValue, name: $0.label(req.language), isChosen: $0.rawValue == filter.heading)
            }
        let page = IncidentListPage(
            chrome: await .make(for: req, titleKey: "incidents_title"), text: filter.text,
            countries: form.countries(chosen: filter.country.uppercased(), only: req.haven.recordedCountries.all),
            families: form.families(chosen: [filter.type]), headings: headings, from: filter.from, to: filter.to,
            confidentialities: req.choices(Confidentiality.self, chosen: [query.confidentiality ?? ""], blank: true),
            verifications: req.choices(VerificationStatus.self, chosen: [query.verification ?? ""], blank: true),
            perpetratorTypes: form.choices(form.terms.perpetratorTypes, chosen: filter.perpetratorType, blank: true),
            rows: IncidentPageBuilder(req).rows(result.rows, types: types), total: result.total, isRanked: result.isRanked,
            isSearch: !filter.text.isEmpty,
            page: filter.boundedPage, previousPage: filter.boundedPage > 1 ? PageLinks.link(req, page: filter.boundedPage - 1) : nil,
            nextPage: filter.hasPage(after: result.total) ? PageLinks.link(req, page: filter.boundedPage + 1) : nil,
            canCreate: req.can(.writesDocumentation))
        return try await req.render(page)
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let staff = try req.require(.writesDocumentation)
        var draft = IncidentDraft()
        draft.acts = [ActDraft()]
        draft.sources = [SourceDraft()]
        let reportID = try req.query.decode(NewQuery.self).report
        if let reportID {
            let opened = try await req.haven.intake.peek(reportID, for: staff, reason: req.t("inbox_not_yours"), on: req.db)
            draft = IncidentDraft(
                fromReport: opened.submission, receivedAt: req.moment(opened.receivedAt),
                sourceTitle: req.t("incident_from_report"))
        }
        return try await req.render(
            await IncidentFormBuilder(req).page(draft, action: Self.createAction(reportID), isNew: true, titleKey: "incident_new_title"))
    }

    /// Where the new-incident form posts: with the report it is made from, so the incident is linked to it.
    static func createAction(_ reportID: UUID?) -> String {
        reportID.map { "/app/incidents?report=\($0.uuidString)" } ?? "/app/incidents"
    }

    @Sendable func create(req: Request) async throws -> Response {
        let staff = try req.require(.writesDocumentation)
        let input = try req.content.decode(IncidentInput.self)
        let reportID = try req.query.decode(NewQuery.self).report
        if let reportID { _ = try await req.haven.intake.report(reportID, for: staff, reason: req.t("inbox_not_yours"), on: req.db) }
        let documentationKey = try await req.haven.incidents.documentationKey(
            for: staff, reason: req.t("incidents_not_your_role"), on: req.db)
        let outcome = try await IncidentEntry(req: req, documentationKey: documentationKey).check(input)
        guard case .ready(let change) = outcome else {
            return try await IncidentEntry.render(
                outcome, builder: IncidentFormBuilder(req), action: Self.createAction(reportID), isNew: true,
                titleKey: "incident_new_title")
        }
        let incidents = req.haven.incidents
        let code = try await incidents.create(change, documentationKey: documentationKey, by: staff, on: req.db)
        if let reportID {
            let record = try await incidents.record(code: code, on: req.db)
            if let keys = try await incidents.keys(for: record, staff: staff, reason: req.t("incident_not_yours"), on: req.db) {
                try await req.haven.handover.link(reportID, to: record, keys: keys, by: staff, on: req.db)
            }
        }
        return req.seeOther("/app/incidents/\(code)")
    }

    /// The incident named in the path with the reader's keys; 403 (audited) for a restricted one without a key copy.
    static func opened(_ req: Request, writing: Bool = false) async throws -> (Incident, DocumentationKeys, SignedInStaff) {
        let staff = try req.require(writing ? .writesDocumentation : .readsDocumentation)
        let incidents = req.haven.incidents
        let record = try await incidents.record(code: req.parameters.get("code"), on: req.db)
        guard let keys = try await incidents.keys(for: record, staff: staff, reason: req.t("incidents_not_your_role"), on: req.db) else {
            throw Abort(.forbidden, reason: req.t("incident_not_yours"))
        }
        return (record, keys, staff)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let staff = try req.require(.readsDocumentation)
        let incidents = req.haven.incidents
        let record = try await incidents.record(code: req.parameters.get("code"), on: req.db)
        let builder = IncidentPageBuilder(req, staff: staff)
        if RecordCode.normalized(req.parameters.get("code") ?? "", prefix: "I") != record.code {
            return req.redirect(to: "/app/incidents/\(record.code)", redirectType: .permanent)
        }
        guard let keys = try await incidents.keys(for: record, staff: staff, reason: req.t("incidents_not_your_role"), on: req.db) else {
            return try await req.render(try await builder.stub(record), status: .forbidden)
        }
        return try await req.render(try await builder.page(record, keys: keys))
    }

    @Sendable func editForm(req: Request) async throws -> Response {
        let (record, keys, _) = try await Self.opened(req, writing: true)
        var shown = try await req.haven.incidents.open(record, keys: keys, on: req.db).draft
        shown.acts.append(ActDraft())
        shown.sources.append(SourceDraft())
        return try await req.render(
            await IncidentFormBuilder(req).page(
                shown, action: "/app/incidents/\(record.code)", isNew: false,
                titleKey: "incident_edit_title"))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let (record, keys, staff) = try await Self.opened(req, writing: true)
        let input = try req.content.decode(IncidentInput.self)
        let outcome = try await IncidentEntry(req: req, documentationKey: keys.documentation).check(input)
        guard case .ready(let change) = outcome else {
            return try await IncidentEntry.render(
                outcome, builder: IncidentFormBuilder(req), action: "/app/incidents/\(record.code)",
                isNew: false, titleKey: "incident_edit_title")
        }
        try await req.haven.incidents.update(record, change, keys: keys, by: staff, on: req.db)
        return req.seeOther("/app/incidents/\(record.code)")
    }

    /// Deletes an incident for good, after its confirmation page; administrators and the author only, with a reason.
    @Sendable func delete(req: Request) async throws -> Response {
        let (record, keys, staff) = try await Self.opened(req, writing: true)
        let incidents = req.haven.incidents
        guard try await incidents.mayDelete(record, by: staff, on: req.db) else {
            throw Abort(.forbidden, reason: req.t("incident_delete_not_yours"))
        }
        guard let reason = (try? req.content.get(String.self, at: "reason")).flatMap(DeletionReason.init(rawValue:)) else {
            var page = try await IncidentPageBuilder(req, staff: staff).page(record, keys: keys)
            page.deletion = FieldState(value: "", error: req.t("incident_delete_reason_missing"))
            return try await req.render(page, status: .unprocessableEntity)
        }
        guard req.isConfirmed else {
            return try await req.confirmation(
                titleKey: "incident_delete_confirm_title",
                consequences: [
                    req.t("incident_delete_confirm_gone").replacingOccurrences(of: "{code}", with: record.code),
                    req.t("incident_delete_confirm_persons"), req.t("case_erase_confirm_recovery"),
                ], buttonKey: "incident_delete", cancelPath: "/app/incidents/\(record.code)")
        }
        try await incidents.delete(record, reason: reason, by: staff, on: req.db)
        return await req.seeOther("/app/incidents", notice: "incident_deleted")
    }

    func notice(_ req: Request, _ key: String, code: String) async -> Response {
        await req.seeOther("/app/incidents/\(code)", notice: key)
    }
}
