import Foundation
import HavenDomain

/// A staff member as the users page lists them.
struct StaffListing: Sendable {
    let id: UUID
    let email: String
    let displayName: String
    let role: StaffRole
    let status: AccountStatus
    let hasSecondFactor: Bool
    let receivesIntake: Bool
}
