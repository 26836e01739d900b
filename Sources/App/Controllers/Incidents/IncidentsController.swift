import Fluent
import HavenDomain
import HavenVault
import Vapor

/// `/app/incidents`: documented incidents, entered in one flow, found by filters and search.
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

    func boot(routes: any RoutesBuilder) throws {
        let incidents = routes.grouped("app", "incidents")
        incidents.get(use: list)
        incidents.get("new", use: newForm)
        incidents.post(use: create)
        incidents.get(":code", use: show)
        incidents.get(":code", "edit", use: editForm)
        incidents.post(":code", use: update)
        incidents.get(":code", "revisions", use: revisions)
        incidents.postStreamed(":code", "evidence", use: upload)
        incidents.get(":code", "evidence", ":evidenceID", use: download)
        incidents.get(":code", "evidence", ":evidenceID", "view", use: view)
        incidents.post(":code", "access", use: grantAccess)
        incidents.post(":code", "access", "revoke", use: revokeAccess)
        incidents.post(":code", "proceedings", use: addProceeding)
        incidents.post(":code", "proceedings", ":proceedingID", "hearings", use: addHearing)
        routes.get("app", "hearings", use: hearings)
    }

    /// The largest evidence upload, from `HAVEN_EVIDENCE_MAX_MB`.
    let evidenceMaximumBytes: Int

    /// The signed-in staff member, if their role reads documentation; 403 otherwise.
    static func reader(_ req: Request) throws -> (id: UUID, privateKey: Curve25519.KeyAgreement.PrivateKey) {
        guard req.staffSession?.role?.readsDocumentation == true else { throw Abort(.forbidden, reason: req.t("incidents_not_your_role")) }
        return try req.signedInStaff()
    }

    /// The signed-in staff member, if their role writes documentation; 403 otherwise.
    static func writer(_ req: Request) throws -> (id: UUID, privateKey: Curve25519.KeyAgreement.PrivateKey) {
        guard req.staffSession?.role?.writesDocumentation == true else { throw Abort(.forbidden, reason: req.t("incidents_not_your_role")) }
        return try req.signedInStaff()
    }

    @Sendable func list(req: Request) async throws -> View {
        _ = try Self.reader(req)
        let query = try req.query.decode(ListQuery.self)
        let filter = query.filter
        let result = try await IncidentQuery.run(filter, on: req.db)
        let form = IncidentFormBuilder(req)
        let headings = [Choice(code: "", name: "—", isChosen: filter.heading.isEmpty)] + AnnualReviewHeading.allCases.map {
            Choice(code: $0.rawValue, name: $0.label(req.language), isChosen: $0.rawValue == filter.heading)
        }
        let page = IncidentListPage(
            chrome: await .make(for: req, titleKey: "incidents_title"), text: filter.text, countries: form.countries(chosen: filter.country.uppercased(),
                                                                                                                   only: req.haven.recordedCountries.all),
            families: form.families(chosen: [filter.type]), headings: headings, from: filter.from, to: filter.to,
            confidentialities: form.choices(Confidentiality.self, chosen: [query.confidentiality ?? ""], blank: true),
            verifications: form.choices(VerificationStatus.self, chosen: [query.verification ?? ""], blank: true),
            perpetratorTypes: form.choices(form.terms.perpetratorTypes, chosen: filter.perpetratorType, blank: true),
            rows: try await Self.rows(result.rows, req: req), total: result.total, isRanked: result.isRanked, isSearch: !filter.text.isEmpty,
            page: filter.page, previousPage: filter.page > 1 ? pageLink(req, filter.page - 1) : nil,
            nextPage: filter.hasPage(after: result.total) ? pageLink(req, filter.page + 1) : nil,
            canCreate: req.staffSession?.role?.writesDocumentation == true)
        return try await req.view.render("incidents", page)
    }

    /// List rows with type names and localised labels.
    static func rows(_ rows: [IncidentListRow], req: Request) async throws -> [IncidentListPage.Row] {
        let types = try await Incidents.types(of: rows.map(\.seq), on: req.db)
        let list = req.haven.vocabularies.terms.incidentTypes
        return rows.map { row in
            IncidentListPage.Row(
                code: row.code, title: row.confidentiality == .restricted ? req.t("incident_restricted_title") : row.title,
                isRestricted: row.confidentiality == .restricted, countryName: Country(code: row.country)?.name(req.language) ?? row.country,
                dates: Self.dates(row.startDate, row.endDate), typeNames: (types[row.seq] ?? []).map { list.term($0)?.label(req.language) ?? $0 },
                confidentialityName: req.t(row.confidentiality.labelKey), verificationName: req.t(row.verification.labelKey))
        }
    }

    /// A date range as shown: `2020-02`, `2020-06-08 – 2020-06-10`, `~2017`.
    static func dates(_ start: String, _ end: String?) -> String {
        guard let end, end != start else { return start }
        return "\(start) – \(end)"
    }

    private func pageLink(_ req: Request, _ page: Int) -> String {
        var components = URLComponents()
        let kept = (URLComponents(string: req.url.string)?.queryItems ?? []).filter { $0.name != "page" }
        components.queryItems = kept + [URLQueryItem(name: "page", value: String(page))]
        return req.url.path + "?" + (components.percentEncodedQuery ?? "")
    }

    /// What the new-incident form may start from.
    struct NewQuery: Content {
        /// An anonymous report to document: its narrative, place and time fill the form.
        var report: UUID?
    }

    @Sendable func newForm(req: Request) async throws -> View {
        _ = try Self.writer(req)
        var draft = IncidentDraft()
        draft.acts = [ActDraft()]
        draft.sources = [SourceDraft()]
        if let reportID = try req.query.decode(NewQuery.self).report {
            draft = try await Self.draft(fromReport: reportID, req: req)
        }
        return try await req.view.render("incident-form", await IncidentFormBuilder(req).page(draft, action: "/app/incidents", isNew: true,
                                                                                              titleKey: "incident_new_title"))
    }

    /// A draft from an anonymous report the staff member holds: restricted by default, the report as a testimony source.
    static func draft(fromReport id: UUID, req: Request) async throws -> IncidentDraft {
        guard let report = try await Report.find(id, on: req.db) else { throw Abort(.notFound) }
        let (key, _) = try await req.recordKey(table: Report.schema, id: id, deniedAction: "report.read.denied", reasonKey: "inbox_not_yours")
        let opened = try await Intake.open(report, key: key, db: req.db)
        let submission = opened.submission
        var draft = IncidentDraft()
        draft.description = submission.narrative
        draft.country = (Country(code: submission.country) ?? Country.named(submission.country))?.code ?? ""
        draft.city = submission.city
        draft.startDate = PartialDate(parsing: submission.when)?.description ?? ""
        draft.confidentiality = .restricted
        draft.acts = [ActDraft()]
        var source = SourceDraft()
        source.kind = .testimony
        source.title = req.t("incident_from_report") + " " + ReportThread.format(opened.receivedAt)
        source.connection = submission.kind == .violation ? "victim" : ""
        draft.sources = [source]
        return draft
    }

    @Sendable func create(req: Request) async throws -> Response {
        let staff = try Self.writer(req)
        let input = try req.content.decode(IncidentInput.self)
        let outcome = try await IncidentEntry.check(input, req: req)
        let builder = IncidentFormBuilder(req)
        guard case .ready(let change) = outcome else {
            return try await IncidentEntry.render(outcome, builder: builder, action: "/app/incidents", isNew: true, titleKey: "incident_new_title")
        }
        let keys = DocumentationKeys(documentation: try await DocumentationKey.open(for: req))
        let code = try await Incidents.create(app: req.application, db: req.db, change, keys: keys, by: try await IncidentEntry.author(req, staff.id))
        return req.seeOther("/app/incidents/\(code)")
    }

    /// The incident named in the path; 404 when there is none.
    static func incident(_ req: Request) async throws -> Incident {
        guard let code = req.parameters.get("code").flatMap({ RecordCode.normalized($0, prefix: "I") }),
              let record = try await Incident.find(on: req.db, code: code) else { throw Abort(.notFound) }
        return record
    }

    /// The reader's keys for an incident: for a restricted one without a key copy, an audit entry and nil.
    static func keys(for record: Incident, req: Request) async throws -> DocumentationKeys? {
        let staff = try reader(req)
        let documentation = try await DocumentationKey.open(for: req)
        guard record.isRestricted else { return DocumentationKeys(documentation: documentation) }
        guard let key = try await Incidents.key(of: record, for: staff, on: req.db) else {
            try await req.haven.audit.append(on: req.db, actor: staff.id.uuidString, action: "incident.read.denied",
                                             table: Incident.schema, id: record.requireID().uuidString)
            return nil
        }
        try await req.haven.audit.append(on: req.db, actor: staff.id.uuidString, action: "incident.read.restricted",
                                         table: Incident.schema, id: record.requireID().uuidString)
        return DocumentationKeys(documentation: documentation, incident: key)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let record = try await Self.incident(req)
        guard let keys = try await Self.keys(for: record, req: req) else {
            return try await req.view.render("incident", try await IncidentPageBuilder(req).stub(record)).encodeResponse(status: .forbidden, for: req)
        }
        let opened = try await Incidents.open(record, keys: keys, on: req.db)
        return try await req.view.render("incident", try await IncidentPageBuilder(req).page(opened, keys: keys)).encodeResponse(for: req)
    }

    @Sendable func editForm(req: Request) async throws -> Response {
        _ = try Self.writer(req)
        let record = try await Self.incident(req)
        guard let keys = try await Self.keys(for: record, req: req) else { throw Abort(.forbidden, reason: req.t("incident_not_yours")) }
        let draft = try await Incidents.open(record, keys: keys, on: req.db).draft
        var shown = draft
        shown.acts.append(ActDraft())
        shown.sources.append(SourceDraft())
        return try await req.view.render("incident-form", await IncidentFormBuilder(req).page(
            shown, action: "/app/incidents/\(record.code)", isNew: false, titleKey: "incident_edit_title")).encodeResponse(for: req)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let staff = try Self.writer(req)
        let record = try await Self.incident(req)
        guard let keys = try await Self.keys(for: record, req: req) else { throw Abort(.forbidden, reason: req.t("incident_not_yours")) }
        let input = try req.content.decode(IncidentInput.self)
        let outcome = try await IncidentEntry.check(input, req: req)
        guard case .ready(let change) = outcome else {
            return try await IncidentEntry.render(outcome, builder: IncidentFormBuilder(req), action: "/app/incidents/\(record.code)",
                                                  isNew: false, titleKey: "incident_edit_title")
        }
        let previous = try await Incidents.open(record, keys: keys, on: req.db).draft
        try await Incidents.update(app: req.application, db: req.db, record, change, previous: previous, keys: keys,
                                   by: try await IncidentEntry.author(req, staff.id))
        return req.seeOther("/app/incidents/\(record.code)")
    }
}
