import Foundation
import HavenDomain
import Vapor

/// Builds the incident page: everything for a reader with the keys, or the stub of a restricted incident; and the
/// labels the public projection shares.
struct IncidentPageBuilder {
    let req: Request
    let terms: IncidentDraft.Terms
    /// The reader (nil on the public site).
    let staff: SignedInStaff?

    init(_ req: Request, staff: SignedInStaff? = nil) {
        self.req = req
        self.terms = req.haven.vocabularies.terms
        self.staff = staff
    }

    func label(_ list: Vocabulary, _ code: String) -> String {
        code.isEmpty ? "" : list.term(code)?.label(req.language) ?? code
    }

    func counts(_ record: Incident) -> [String] {
        [(record.victims, "incident_victims"), (record.participants, "incident_participants"), (record.detainees, "incident_detainees")]
            .compactMap { count, key in count.map { "\(req.t(key)): \($0)" } }
    }

    func typeNames(_ codes: [String]) -> [String] {
        codes.map { label(terms.incidentTypes, $0) }
    }

    /// List rows with type names and localised labels.
    func rows(_ rows: [IncidentListRow], types: [Int: [String]]) -> [IncidentListPage.Row] {
        let list = req.haven.vocabularies.terms.incidentTypes
        return rows.map { row in
            IncidentListPage.Row(
                code: row.code, title: row.confidentiality == .restricted ? req.t("incident_restricted_title") : row.title,
                isRestricted: row.confidentiality == .restricted,
                countryName: Country(code: row.country)?.name(req.language) ?? row.country,
                dates: Self.dates(row.startDate, row.endDate),
                typeNames: (types[row.seq] ?? []).map { list.term($0)?.label(req.language) ?? $0 },
                confidentialityName: req.t(row.confidentiality.labelKey), verificationName: req.t(row.verification.labelKey))
        }
    }

    /// The title the public site shows for an incident: made of structured fields only (its first type, country and
    /// dates), never of the title or description staff wrote, which may name the people it happened to.
    static func publicTitle(typeNames: [String], countryName: String, dates: String) -> String {
        (typeNames.first.map { $0 + " — " } ?? "") + countryName + ", " + dates
    }

    /// The public site's rows: the public title written for the reader's language, else one made from the
    /// structured fields (see `publicTitle`); never the staff title.
    func publicRows(_ rows: [IncidentListRow], types: [Int: [String]], titles: [Int: Translations], language: Language)
        -> [IncidentListPage.Row]
    {
        zip(rows, self.rows(rows, types: types)).map { listed, row in
            var row = row
            row.title =
                titles[listed.seq]?.values[language.rawValue]
                ?? Self.publicTitle(typeNames: row.typeNames, countryName: row.countryName, dates: row.dates)
            return row
        }
    }

    /// A date range as shown: `2020-02`, `2020-06-08 – 2020-06-10`, `~2017`.
    static func dates(_ start: String, _ end: String?) -> String {
        guard let end, end != start else { return start }
        return "\(start) – \(end)"
    }

    /// A restricted incident for someone without its key: country, dates and types only.
    func stub(_ record: Incident) async throws -> IncidentPage {
        let types = try await req.haven.incidents.types(of: [record.seq], on: req.db)[record.seq] ?? []
        return IncidentPage(
            chrome: await .make(for: req, titleKey: "incident_restricted_title"), code: record.code, isStub: true, title: "",
            description: "",
            dates: Self.dates(record.startDate, record.endDate),
            countryName: Country(code: record.country)?.name(req.language) ?? record.country,
            place: "", placeDetail: "", typeNames: typeNames(types), counts: [], violationStatusName: "", reliabilityName: "",
            verificationName: "",
            confidentialityName: req.t(Confidentiality.restricted.labelKey), isRestricted: true, acts: [], sources: [], evidence: [],
            holders: [],
            canEdit: false, revisionCount: 0)
    }

    /// The whole page for a reader with the incident's keys.
    func page(_ record: Incident, keys: DocumentationKeys) async throws -> IncidentPage {
        guard let staff else { throw Abort(.unauthorized) }
        let incidents = req.haven.incidents
        let opened = try await incidents.open(record, keys: keys, on: req.db)
        let files = try await incidents.files(of: opened, on: req.db)
        let names = try await req.haven.colleagues.names(for: staff, on: req.db)
        let acts = opened.acts.map { act in
            IncidentPage.ActView(
                victimCode: act.victim?.code ?? "", victimName: act.victim?.name ?? "",
                typeName: label(terms.incidentTypes, act.details.type), date: act.details.date,
                placeTypeName: label(terms.placeTypes, act.details.placeType), statusName: label(terms.actStatuses, act.details.status),
                consequences: act.details.consequences, perpetratorCode: act.perpetrator?.code ?? "",
                perpetratorName: act.perpetrator?.name ?? "",
                perpetratorTypeName: label(terms.perpetratorTypes, act.details.perpetratorType),
                degreeName: label(terms.involvementDegrees, act.details.degree))
        }
        var colleagues: [Choice] = []
        if record.isRestricted && staff.role.can(.writesDocumentation) {
            let holders = Set(files.holders)
            colleagues = try await req.haven.colleagues.eligible(for: .incident, names: names, on: req.db).filter {
                !holders.contains($0.id)
            }
            .map { Choice(code: $0.id.uuidString, name: $0.name) }
        }
        var page = IncidentPage(
            chrome: await .make(for: req, titleKey: "incident_title"), code: record.code, isStub: false, title: opened.narrative.title,
            description: opened.narrative.description, dates: Self.dates(record.startDate, record.endDate),
            countryName: Country(code: record.country)?.name(req.language) ?? record.country,
            place: [opened.narrative.city, opened.narrative.region].filter { !$0.isEmpty }.joined(separator: ", "),
            placeDetail: opened.narrative.placeDetail, typeNames: typeNames(opened.types), counts: counts(record),
            violationStatusName: label(terms.violationStatuses, record.violationStatus),
            reliabilityName: label(terms.reliabilities, record.reliability),
            verificationName: req.t(record.verification.labelKey), confidentialityName: req.t(record.confidentiality.labelKey),
            isRestricted: record.isRestricted, acts: acts, sources: opened.sources.map { sourceView($0.id, $0.draft) },
            evidence: files.evidence.map { evidenceView($0, sources: opened.sources, names: names) },
            holders: files.holders.map { .init(id: $0.uuidString, name: names.name(of: $0), isSelf: $0 == staff.id) },
            canEdit: staff.role.can(.writesDocumentation), revisionCount: files.revisionCount,
            proceedings: files.proceedings.map { proceedingView($0.id, $0.draft) }, proceedingForm: proceedingForm(ProceedingDraft()))
        page.colleagues = colleagues
        if try await req.haven.incidents.mayDelete(record, by: staff, on: req.db) {
            page.deletionReasons = req.choices(DeletionReason.self)
        }
        page.thread = try await reportThread(of: record, keys: keys, staff: staff)
        page.hasThread = page.thread != nil
        return page
    }

    /// The thread of the report the incident was made from, with its files ready to carry into the evidence for those
    /// who may write; nil when there is none the reader can reach.
    func reportThread(of record: Incident, keys: DocumentationKeys, staff: SignedInStaff) async throws -> ReportThread? {
        let handover = req.haven.handover
        let id = try record.requireID()
        guard let report = try await handover.thread(of: .incident(id), recordKey: keys.incident, for: staff, on: req.db) else {
            return nil
        }
        var thread = ReportThread(report, for: req, filesPath: "/app/incidents/\(record.code)/report/attachments")
        guard staff.role.can(.writesDocumentation) else { return thread }
        let carried = Set(try await handover.carried(into: id, on: req.db).map(\.uuidString))
        thread.carryPath = thread.filesPath
        for index in thread.attachments.indices { thread.attachments[index].isCarried = carried.contains(thread.attachments[index].id) }
        return thread
    }

    func proceedingView(_ id: UUID, _ draft: ProceedingDraft) -> IncidentPage.ProceedingView {
        let penalty: String
        switch draft.penalty {
        case .fine: penalty = req.t(draft.penalty.labelKey) + " " + (draft.fine?.description ?? "")
        case .detention: penalty = req.t(draft.penalty.labelKey) + ": " + draft.detentionDays + " " + req.t("proceeding_days")
        default: penalty = req.t(draft.penalty.labelKey)
        }
        let representation =
            draft.legalAidRefused
            ? req.t("proceeding_legal_aid_refused")
            : draft.representative.isEmpty ? req.t("proceeding_unrepresented") : draft.representative
        return IncidentPage.ProceedingView(
            id: id.uuidString, court: draft.court, caseNumber: draft.caseNumber,
            charge: [draft.law, draft.article].filter { !$0.isEmpty }.joined(separator: ", "), stageName: req.t(draft.stage.labelKey),
            decision: draft.decision, penalty: penalty, appealDeadline: draft.appealDeadline, representation: representation,
            hearings: draft.hearings.map { $0.day + ($0.outcome.isEmpty ? "" : " — " + $0.outcome) })
    }

    /// The new-proceeding form for a draft, with its problems next to the fields.
    func proceedingForm(_ draft: ProceedingDraft, problems: [String: ProceedingDraft.Problem] = [:]) -> IncidentPage.ProceedingForm {
        func field(_ name: String, _ value: String) -> FieldState {
            FieldState(value: value, error: problems[name].map { req.t($0.messageKey) })
        }
        return IncidentPage.ProceedingForm(
            court: field("court", draft.court), caseNumber: field("caseNumber", draft.caseNumber), law: field("law", draft.law),
            article: field("article", draft.article), decision: field("decision", draft.decision),
            fineAmount: field("fineAmount", draft.fineAmount),
            fineCurrency: field("fineCurrency", draft.fineCurrency), detentionDays: field("detentionDays", draft.detentionDays),
            appealDeadline: field("appealDeadline", draft.appealDeadline), representative: field("representative", draft.representative),
            legalAidRefused: draft.legalAidRefused, stages: req.choices(ProceedingStage.self, chosen: [draft.stage.rawValue]),
            penalties: req.choices(PenaltyKind.self, chosen: [draft.penalty.rawValue]))
    }

    func sourceView(_ id: UUID, _ source: SourceDraft) -> IncidentPage.SourceView {
        IncidentPage.SourceView(
            id: id.uuidString, kindName: req.t(source.kind.labelKey), title: source.title, url: source.url,
            publishedOn: source.publishedOn, reliabilityName: label(terms.reliabilities, source.reliability),
            connectionName: label(terms.sourceConnections, source.connection))
    }

    private func evidenceView(_ file: OpenedEvidence, sources: [(id: UUID, draft: SourceDraft)], names: ColleagueNames)
        -> IncidentPage.EvidenceView
    {
        IncidentPage.EvidenceView(
            id: file.id.uuidString, fileName: file.about.fileName,
            size: req.size(file.size),
            sha256: file.about.sha256, isViewable: file.isViewable,
            sourceTitle: sources.first { $0.id == file.sourceID }?.draft.title ?? "",
            custody: file.custody.map { line in
                "\(req.moment(line.at)) — \(req.t("custody_\(line.action.rawValue)")) — \(names.name(of: line.actorID))"
            })
    }
}
