import HavenDomain
import Vapor

/// Legal proceedings of an incident and their hearings, and the calendar of upcoming hearings.
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
        let (record, keys, staff) = try await Self.opened(req, writing: true)
        let draft = try req.content.decode(ProceedingInput.self).draft
        let problems = draft.problems
        guard problems.isEmpty else {
            let builder = IncidentPageBuilder(req, staff: staff)
            var page = try await builder.page(record, keys: keys)
            page.proceedingForm = builder.proceedingForm(draft, problems: problems)
            return try await req.render(page, status: .unprocessableEntity)
        }
        try await req.haven.proceedings.add(draft, to: record, key: keys.incident, by: staff, on: req.db)
        return await notice(req, "proceeding_added", code: record.code)
    }

    @Sendable func addHearing(req: Request) async throws -> Response {
        let (record, keys, staff) = try await Self.opened(req, writing: true)
        guard let proceedingID = req.parameters.get("proceedingID", as: UUID.self) else { throw Abort(.notFound) }
        let input = try req.content.decode(HearingInput.self)
        let outcome = (input.outcome ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let day = Day.normalized(input.day ?? ""), outcome.count <= 2_000 else {
            var page = try await IncidentPageBuilder(req, staff: staff).page(record, keys: keys)
            page.hearing = FieldState(value: input.day ?? "", error: req.t("proceeding_problem_notADay"))
            return try await req.render(page, status: .unprocessableEntity)
        }
        try await req.haven.proceedings.addHearing(
            Hearing(day: day, outcome: outcome), to: proceedingID, of: record, key: keys.incident, by: staff,
            on: req.db)
        return await notice(req, "proceeding_hearing_added", code: record.code)
    }

    @Sendable func hearings(req: Request) async throws -> Response {
        _ = try req.require(.readsDocumentation)
        let rows = try await req.haven.incidents.upcomingHearings(from: Day.today(), on: req.db).map { hearing in
            HearingsPage.Row(
                day: hearing.day, code: hearing.incidentCode,
                title: hearing.isRestricted ? req.t("incident_restricted_title") : hearing.title)
        }
        return try await req.render(HearingsPage(chrome: await .make(for: req, titleKey: "hearings_title"), rows: rows))
    }
}
