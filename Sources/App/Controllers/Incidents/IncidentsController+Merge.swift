import HavenDomain
import Vapor

/// An incident recorded twice merged into the other, after a confirmation page.
extension IncidentsController {
    /// What the merge form posts.
    struct MergeInput: Content {
        var into: String?
    }

    @Sendable func merge(req: Request) async throws -> Response {
        let (duplicate, keys, staff) = try await Self.opened(req, writing: true)
        let incidents = req.haven.incidents
        let typed = try req.content.decode(MergeInput.self).into ?? ""
        guard let survivor = try? await incidents.record(code: typed, on: req.db), survivor.id != duplicate.id else {
            return try await again(req, duplicate, keys: keys, staff: staff, typed: typed, problem: "merge_unknown_incident")
        }
        guard let survivorKeys = try await incidents.keys(for: survivor, staff: staff, reason: req.t("incident_not_yours"), on: req.db)
        else { throw Abort(.forbidden, reason: req.t("incident_not_yours")) }
        guard !duplicate.isRestricted || survivor.isRestricted else {
            return try await again(req, duplicate, keys: keys, staff: staff, typed: typed, problem: "incident_merge_lowers_protection")
        }
        guard req.isConfirmed else {
            return try await req.confirmation(
                titleKey: "incident_merge",
                consequences: [
                    req.t("incident_merge_confirm_into").replacingOccurrences(of: "{from}", with: duplicate.code)
                        .replacingOccurrences(of: "{into}", with: survivor.code),
                    req.t("incident_merge_confirm_moves"), req.t("merge_confirm_irreversible"),
                ], buttonKey: "merge_submit", cancelPath: "/app/incidents/\(duplicate.code)")
        }
        try await incidents.merge(duplicate, keys: keys, into: survivor, keys: survivorKeys, by: staff, on: req.db)
        return await notice(req, "incident_merged", code: survivor.code)
    }

    /// The incident page again with a problem next to the merge field.
    private func again(
        _ req: Request, _ record: Incident, keys: DocumentationKeys, staff: SignedInStaff, typed: String, problem: String
    ) async throws -> Response {
        var page = try await IncidentPageBuilder(req, staff: staff).page(record, keys: keys)
        page.merge = FieldState(value: typed, error: req.t(problem))
        return try await req.render(page, status: .unprocessableEntity)
    }
}
