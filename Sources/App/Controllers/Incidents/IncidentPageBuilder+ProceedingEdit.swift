import Foundation
import HavenDomain
import Vapor

extension IncidentPageBuilder {
    /// The proceeding edit page for a draft as typed, with its problems next to the fields and its earlier states.
    func proceedingEditPage(
        _ record: Incident, _ id: UUID, _ draft: ProceedingDraft, problems: [String: ProceedingDraft.Problem] = [:],
        rows: [ProceedingEditPage.HearingRow], keys: DocumentationKeys
    ) async throws -> ProceedingEditPage {
        guard let staff else { throw Abort(.forbidden) }
        let names = try await req.haven.colleagues.names(for: staff, on: req.db)
        let revisions = try await req.haven.proceedings.revisions(of: id, of: record, key: keys.incident, on: req.db).map {
            revision in
            ProceedingEditPage.RevisionLine(
                changedAt: req.moment(revision.changedAt), actor: names.name(of: revision.actorID),
                action: req.t("proceeding_revision_\(revision.action)"),
                summary: revision.previous.map(summary) ?? req.t("incident_revision_sealed"))
        }
        return ProceedingEditPage(
            chrome: await .make(for: req, titleKey: "proceeding_edit_title"), code: record.code, proceedingID: id.uuidString,
            proceedingForm: proceedingForm(draft, problems: problems),
            hearings: rows + [ProceedingEditPage.HearingRow(day: FieldState(), outcome: "")], revisions: revisions)
    }

    /// A proceeding in one line: court, stage, penalty, decision and hearings as they were.
    private func summary(_ draft: ProceedingDraft) -> String {
        let view = proceedingView(UUID(), draft)
        return [
            view.court, view.caseNumber, view.charge, view.stageName, view.penalty, view.decision, view.hearings.joined(separator: "; "),
        ]
        .filter { !$0.isEmpty }.joined(separator: " — ")
    }
}
