import HavenDomain
import Vapor

/// Lets a route group through only for staff whose role has a capability: every route of an area asks once, before the
/// key copy. A refusal of a route that names a record (`recordParameter`) is audited as `deniedAction` on that record.
struct RequireCapability: AsyncMiddleware {
    let capability: Capability
    let deniedAction: String?
    let recordKind: RecordKind?
    let recordParameter: String?

    init(
        _ capability: Capability, deniedAction: String? = nil, record recordKind: RecordKind? = nil,
        parameter recordParameter: String? = nil
    ) {
        self.capability = capability
        self.deniedAction = deniedAction
        self.recordKind = recordKind
        self.recordParameter = recordParameter
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let staff = try request.staff()
        guard staff.role.can(capability) else {
            if let deniedAction, let parameter = recordParameter, let id = request.parameters.get(parameter) {
                try await request.haven.audit.append(
                    on: request.db, actor: staff.actor, action: deniedAction, table: recordKind?.table ?? "",
                    id: String(id.prefix(64)))
            }
            throw Abort(.forbidden, reason: request.t(capability.refusalKey))
        }
        return try await next.respond(to: request)
    }
}
