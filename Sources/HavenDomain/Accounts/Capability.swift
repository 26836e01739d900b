/// Something a staff member's role lets them do. Every role guard in the application asks for one of these, so the
/// rules live in `StaffRole` alone.
public enum Capability: String, Sendable, CaseIterable {
    case managesUsers, triagesIntake, runsCases, seesCaseCounts, readsDocumentation, writesDocumentation, writesPublications, publishes

    /// The localisation key of the refusal shown to a role without it.
    public var refusalKey: String {
        switch self {
        case .managesUsers: return "admin_not_your_role"
        case .triagesIntake: return "inbox_not_your_role"
        case .runsCases, .seesCaseCounts: return "cases_not_your_role"
        case .readsDocumentation, .writesDocumentation: return "incidents_not_your_role"
        case .writesPublications, .publishes: return "publications_not_your_role"
        }
    }
}

extension StaffRole {
    /// Whether the role has a capability.
    public func can(_ capability: Capability) -> Bool {
        switch capability {
        case .managesUsers: return managesUsers
        case .triagesIntake: return triagesIntake
        case .runsCases: return runsCases
        case .seesCaseCounts: return seesCaseCounts
        case .readsDocumentation: return readsDocumentation
        case .writesDocumentation: return writesDocumentation
        case .writesPublications: return writesPublications
        case .publishes: return publishes
        }
    }
}
