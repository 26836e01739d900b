import Fluent
import Foundation
import HavenDomain
import Vapor

/// Builds the incident page: everything for a reader with the keys, or the stub of a restricted incident.
struct IncidentPageBuilder {
    let req: Request
    let terms: IncidentDraft.Terms

    init(_ req: Request) {
        self.req = req
        self.terms = req.haven.vocabularies.terms
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

    /// A restricted incident for someone without its key: country, dates and types only.
    func stub(_ record: Incident) async throws -> IncidentPage {
        let types = try await Incidents.types(of: [record.seq], on: req.db)[record.seq] ?? []
        return IncidentPage(
            chrome: await .make(for: req, titleKey: "incident_restricted_title"), code: record.code, isStub: true, title: "", description: "",
            dates: IncidentsController.dates(record.startDate, record.endDate), countryName: Country(code: record.country)?.name(req.language) ?? record.country,
            place: "", placeDetail: "", typeNames: typeNames(types), counts: [], violationStatusName: "", reliabilityName: "", verificationName: "",
            confidentialityName: req.t(Confidentiality.restricted.labelKey), isRestricted: true, acts: [], sources: [], evidence: [], holders: [],
            canEdit: false, revisionCount: 0)
    }

    func page(_ opened: OpenedIncident, keys: DocumentationKeys) async throws -> IncidentPage {
        let record = opened.record
        let id = try record.requireID()
        let personNames = try Dictionary((opened.acts.flatMap { [$0.victim, $0.perpetrator] }.compactMap { $0 }).map {
            ($0.code, try Persons.open($0, key: keys.documentation).name)
        }, uniquingKeysWith: { a, _ in a })
        let acts = opened.acts.map { act in
            IncidentPage.ActView(
                victimCode: act.victim?.code ?? "", victimName: act.victim.flatMap { personNames[$0.code] } ?? "",
                typeName: label(terms.incidentTypes, act.details.type), date: act.details.date,
                placeTypeName: label(terms.placeTypes, act.details.placeType), statusName: label(terms.actStatuses, act.details.status),
                consequences: act.details.consequences, perpetratorCode: act.perpetrator?.code ?? "",
                perpetratorName: act.perpetrator.flatMap { personNames[$0.code] } ?? "",
                perpetratorTypeName: label(terms.perpetratorTypes, act.details.perpetratorType), degreeName: label(terms.involvementDegrees, act.details.degree))
        }
        let sources = opened.sources.map { sourceView($0.id, $0.draft) }
        let holders = record.isRestricted
            ? try await KeyGrant.query(on: req.db).filter(\.$recordTable == Incident.schema).filter(\.$recordID == id.uuidString).all().compactMap { $0.$holder.id }
            : []
        let userID = try req.signedInStaff().id
        return IncidentPage(
            chrome: await .make(for: req, titleKey: "incident_title"), code: record.code, isStub: false, title: opened.narrative.title,
            description: opened.narrative.description, dates: IncidentsController.dates(record.startDate, record.endDate),
            countryName: Country(code: record.country)?.name(req.language) ?? record.country,
            place: [opened.narrative.city, opened.narrative.region].filter { !$0.isEmpty }.joined(separator: ", "),
            placeDetail: opened.narrative.placeDetail, typeNames: typeNames(opened.types), counts: counts(record),
            violationStatusName: label(terms.violationStatuses, record.violationStatus), reliabilityName: label(terms.reliabilities, record.reliability),
            verificationName: req.t(record.verification.labelKey), confidentialityName: req.t(record.confidentiality.labelKey),
            isRestricted: record.isRestricted, acts: acts, sources: sources,
            evidence: try await evidence(of: id, containerKey: keys.incident ?? keys.documentation, sources: opened.sources),
            holders: holders.map { .init(id: $0.uuidString, isSelf: $0 == userID) },
            canEdit: req.staffSession?.role?.writesDocumentation == true,
            revisionCount: try await IncidentRevision.query(on: req.db).filter(\.$incident.$id == id).count(),
            proceedings: try await LegalProceedings.all(of: record, key: keys.incident, on: req.db).map { proceedingView($0.record, $0.draft) },
            proceedingForm: proceedingForm(ProceedingDraft()))
    }

    func proceedingView(_ record: Proceeding, _ draft: ProceedingDraft) -> IncidentPage.ProceedingView {
        let penalty: String
        switch draft.penalty {
        case .fine: penalty = req.t(draft.penalty.labelKey) + " " + (draft.fine?.description ?? "")
        case .detention: penalty = req.t(draft.penalty.labelKey) + ": " + draft.detentionDays + " " + req.t("proceeding_days")
        default: penalty = req.t(draft.penalty.labelKey)
        }
        let representation = draft.legalAidRefused ? req.t("proceeding_legal_aid_refused")
            : draft.representative.isEmpty ? req.t("proceeding_unrepresented") : draft.representative
        return IncidentPage.ProceedingView(
            id: record.id?.uuidString ?? "", court: draft.court, caseNumber: draft.caseNumber,
            charge: [draft.law, draft.article].filter { !$0.isEmpty }.joined(separator: ", "), stageName: req.t(draft.stage.labelKey),
            decision: draft.decision, penalty: penalty, appealDeadline: draft.appealDeadline, representation: representation,
            hearings: draft.hearings.map { $0.day + ($0.outcome.isEmpty ? "" : " — " + $0.outcome) })
    }

    /// The new-proceeding form for a draft, with its problems next to the fields.
    func proceedingForm(_ draft: ProceedingDraft, problems: [String: ProceedingDraft.Problem] = [:]) -> IncidentPage.ProceedingForm {
        func field(_ name: String, _ value: String) -> FieldState { FieldState(value: value, error: problems[name].map { req.t($0.messageKey) }) }
        let form = IncidentFormBuilder(req)
        return IncidentPage.ProceedingForm(
            court: field("court", draft.court), caseNumber: field("caseNumber", draft.caseNumber), law: field("law", draft.law),
            article: field("article", draft.article), decision: field("decision", draft.decision), fineAmount: field("fineAmount", draft.fineAmount),
            fineCurrency: field("fineCurrency", draft.fineCurrency), detentionDays: field("detentionDays", draft.detentionDays),
            appealDeadline: field("appealDeadline", draft.appealDeadline), representative: field("representative", draft.representative),
            legalAidRefused: draft.legalAidRefused, stages: form.choices(ProceedingStage.self, chosen: [draft.stage.rawValue]),
            penalties: form.choices(PenaltyKind.self, chosen: [draft.penalty.rawValue]))
    }

    func sourceView(_ id: UUID, _ source: SourceDraft) -> IncidentPage.SourceView {
        IncidentPage.SourceView(id: id.uuidString, kindName: req.t(source.kind.labelKey), title: source.title, url: source.url,
                                publishedOn: source.publishedOn, reliabilityName: label(terms.reliabilities, source.reliability),
                                connectionName: label(terms.sourceConnections, source.connection))
    }

    private func evidence(of incidentID: UUID, containerKey: SymmetricKey, sources: [(id: UUID, draft: SourceDraft)]) async throws -> [IncidentPage.EvidenceView] {
        let files = try await Evidence.query(on: req.db).filter(\.$incident.$id == incidentID).sort(\.$uploadedAt).all()
        let custody = Dictionary(grouping: try await EvidenceCustody.query(on: req.db).filter(\.$evidence.$id ~~ files.compactMap(\.id))
            .sort(\.$happenedAt).all(), by: \.$evidence.id)
        return try files.map { file in
            let about = try EvidenceStore.about(file, containerKey: containerKey)
            let fileID = try file.requireID()
            return IncidentPage.EvidenceView(
                id: fileID.uuidString, fileName: about.fileName, size: ByteCountFormatter.string(fromByteCount: Int64(file.size), countStyle: .file),
                sha256: about.sha256, isViewable: EvidenceStore.viewableTypes.contains(about.contentType), sourceTitle: sources.first { $0.id == file.$source.id }?.draft.title ?? "",
                custody: (custody[fileID] ?? []).map { line in
                    "\(ReportThread.format(line.happenedAt)) — \(req.t("custody_\(line.action.rawValue)")) — \(line.$actor.id?.uuidString.prefix(8) ?? "—")"
                })
        }
    }
}
