/// What a staff member does in Haven; each role's permissions are decided here, never in a template.
public enum StaffRole: String, CaseIterable, Sendable, Codable {
    case administrator, coordinator, caseworker, documenter, editor, viewer

    /// Manages users, roles, vocabularies, keys and backups.
    public var managesUsers: Bool { self == .administrator }

    /// Receives anonymous reports and works the intake inbox (a user of such a role may still switch receiving off).
    public var triagesIntake: Bool { [.administrator, .coordinator].contains(self) }

    /// Opens and works on cases (requests for help).
    public var runsCases: Bool { [.administrator, .coordinator, .caseworker].contains(self) }

    /// Sees how many cases there are in each status without opening any.
    public var seesCaseCounts: Bool { [.administrator, .coordinator].contains(self) }

    /// Reads documented incidents and the persons in them (restricted incidents only with a key copy).
    public var readsDocumentation: Bool { self != .editor }

    /// Records and edits incidents, persons, sources and evidence.
    public var writesDocumentation: Bool { [.administrator, .coordinator, .documenter].contains(self) }

    /// Writes publications and moves them to review.
    public var writesPublications: Bool { [.administrator, .coordinator, .editor].contains(self) }

    /// Publishes and unpublishes.
    public var publishes: Bool { [.administrator, .editor].contains(self) }

    /// The localisation key of the role's name.
    public var labelKey: String { "role_\(rawValue)" }
}
