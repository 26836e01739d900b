import Fluent
import HavenDomain
import Vapor

extension ProceedingStage: MenuTerm {}
extension PenaltyKind: MenuTerm {}

extension IncidentsController {
    /// What the proceeding form posts.
    struct ProceedingInput: Content {
        var court, caseNumber, law, article, stage, decision, penalty, fineAmount, fineCurrency, detentionDays, appealDeadline: String?
        var representative, legalAidRefused: String?

        var draft: ProceedingDraft {
            var draft = ProceedingDraft()
            draft.court = (court ?? "").trimmingCharacters(in: .whitespaces)
            draft.caseNumber = (caseNumber ?? "").trimmingCharacters(in: .whitespaces)
            draft.law = law ?? ""
            draft.article = article ?? ""
            draft.stage = stage.flatMap(ProceedingStage.init(rawValue:)) ?? .firstInstance
            draft.decision = decision ?? ""
            draft.penalty = penalty.flatMap(PenaltyKind.init(rawValue:)) ?? .none
            draft.fineAmount = fineAmount ?? ""
            draft.fineCurrency = fineCurrency ?? ""
            draft.detentionDays = detentionDays ?? ""
            draft.appealDeadline = (appealDeadline ?? "").trimmingCharacters(in: .whitespaces)
            draft.representative = representative ?? ""
            draft.legalAidRefused = legalAidRefused == "yes"
            return draft
        }
    }

    /// What the hearing form posts.
    struct HearingInput: Content {
        var day, outcome: String?
    }

    @Sendable func addProceeding(req: Request) async throws -> Response {
        let staff = try Self.writer(req)
        let record = try await Self.incident(req)
        guard let keys = try await Self.keys(for: record, req: req) else { throw Abort(.forbidden, reason: req.t("incident_not_yours")) }
        let draft = try req.content.decode(ProceedingInput.self).draft
        let problems = draft.problems
        guard problems.isEmpty else {
            let builder = IncidentPageBuilder(req)
            var page = try await builder.page(try await Incidents.open(record, keys: keys, on: req.db), keys: keys)
            page.proceedingForm = builder.proceedingForm(draft, problems: problems)
            return try await req.view.render("incident", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await LegalProceedings.add(app: req.application, db: req.db, to: record, draft, key: keys.incident, by: staff.id)
        return try await notice(req, "proceeding_added", code: record.code)
    }

    @Sendable func addHearing(req: Request) async throws -> Response {
        let staff = try Self.writer(req)
        let record = try await Self.incident(req)
        guard let keys = try await Self.keys(for: record, req: req) else { throw Abort(.forbidden, reason: req.t("incident_not_yours")) }
        guard let id = req.parameters.get("proceedingID", as: UUID.self),
              let proceeding = try await Proceeding.query(on: req.db).filter(\.$id == id).filter(\.$incident.$id == record.requireID()).first()
        else { throw Abort(.notFound) }
        let input = try req.content.decode(HearingInput.self)
        let outcome = (input.outcome ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let day = Day.normalized(input.day ?? ""), outcome.count <= 2_000 else {
            var page = try await IncidentPageBuilder(req).page(try await Incidents.open(record, keys: keys, on: req.db), keys: keys)
            page.hearing = FieldState(value: input.day ?? "", error: req.t("proceeding_problem_notADay"))
            return try await req.view.render("incident", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await LegalProceedings.addHearing(app: req.application, db: req.db, Hearing(day: day, outcome: outcome), to: proceeding, of: record,
                                              key: keys.incident, by: staff.id)
        return try await notice(req, "proceeding_hearing_added", code: record.code)
    }

    @Sendable func hearings(req: Request) async throws -> View {
        _ = try Self.reader(req)
        let upcoming = try await LegalProceedings.upcoming(from: Day.today(), on: req.db)
        let rows = upcoming.map { item in
            HearingsPage.Row(day: item.day, code: item.incident.code,
                             title: item.incident.isRestricted ? req.t("incident_restricted_title") : item.incident.title)
        }
        return try await req.view.render("hearings", HearingsPage(chrome: await .make(for: req, titleKey: "hearings_title"), rows: rows))
    }
}
