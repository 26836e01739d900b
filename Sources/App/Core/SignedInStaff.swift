import Crypto
import Foundation
import HavenDomain

/// The signed-in staff member a request acts for: who, in which role (kept current by role changes), and their private
/// key, unlocked by their password at sign-in and held only in server memory.
struct SignedInStaff: Sendable {
    let id: UUID
    let role: StaffRole
    let privateKey: Curve25519.KeyAgreement.PrivateKey

    /// The audit log's name for them.
    var actor: String { id.uuidString }
}
