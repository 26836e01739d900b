import HavenDomain
import Vapor

extension Request {
    /// The signed-in staff member; 401 when the session has none.
    func staff() throws -> SignedInStaff {
        guard let session = staffSession, let id = session.userID, let key = session.privateKey, let role = session.role else {
            throw Abort(.unauthorized)
        }
        return SignedInStaff(id: id, role: role, privateKey: key)
    }

    /// The signed-in staff member, when their role has `capability`; 403 with the reason otherwise. The one role guard.
    func require(_ capability: Capability) throws -> SignedInStaff {
        let staff = try staff()
        guard staff.role.can(capability) else { throw Abort(.forbidden, reason: t(capability.refusalKey)) }
        return staff
    }

    /// Whether the signed-in staff member's role has `capability` (for what a page offers, never for what it allows).
    func can(_ capability: Capability) -> Bool {
        staffSession?.role?.can(capability) == true
    }
}
