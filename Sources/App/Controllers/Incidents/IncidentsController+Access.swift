import HavenDomain
import Vapor

/// Giving and removing access to a restricted incident: only to colleagues whose role reads documentation, chosen
/// from a list (no e-mail address can be tried), never removing the last holder.
extension IncidentsController {
    /// What the access forms post.
    struct AccessInput: Content {
        var colleague: UUID?
        var holder: UUID?
    }

    @Sendable func grantAccess(req: Request) async throws -> Response {
        let (record, keys, staff) = try await Self.opened(req, writing: true)
        guard let key = keys.incident else { throw Abort(.forbidden, reason: req.t("incident_not_yours")) }
        let chosen = try req.content.decode(AccessInput.self).colleague
        do {
            guard let chosen else { throw RecordAccess.Refusal.notActive }
            try await req.haven.incidents.grant(record, key: key, to: chosen, by: staff, on: req.db)
        } catch is RecordAccess.Refusal {
            var page = try await IncidentPageBuilder(req, staff: staff).page(record, keys: keys)
            page.grantee = FieldState(value: chosen?.uuidString ?? "", error: req.t("incident_grant_refused"))
            return try await req.render(page, status: .unprocessableEntity)
        }
        return await notice(req, "incident_granted", code: record.code)
    }

    @Sendable func revokeAccess(req: Request) async throws -> Response {
        let (record, keys, staff) = try await Self.opened(req, writing: true)
        guard keys.incident != nil else { throw Abort(.forbidden, reason: req.t("incident_not_yours")) }
        guard let holder = try req.content.decode(AccessInput.self).holder else { throw Abort(.badRequest) }
        guard try await req.haven.incidents.revoke(record, holder: holder, by: staff, on: req.db) else {
            return await notice(req, "incident_last_holder", code: record.code)
        }
        return await notice(req, "incident_revoked", code: record.code)
    }
}
