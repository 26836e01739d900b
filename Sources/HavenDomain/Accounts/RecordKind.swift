/// A kind of sealed record whose data key is copied (sealed) to the staff allowed to read it, and who may hold a copy.
/// Giving access, following a role change and the every-route checks all ask `mayBeHeld(by:)`.
public enum RecordKind: String, Sendable, CaseIterable {
    /// An anonymous report: intake roles.
    case report
    /// A request for help: case roles.
    case `case`
    /// A restricted incident: roles that read documentation.
    case incident
    /// The documentation key (persons, evidence of non-restricted incidents): roles that read documentation.
    case documentation
    /// The staff directory key (e-mail addresses): administrators.
    case directory
    /// The colleagues key (display names): every active staff member.
    case colleagues

    /// The `record_table` a key copy names.
    public var table: String {
        switch self {
        case .report: return "reports"
        case .case: return "cases"
        case .incident: return "incidents"
        case .documentation, .directory, .colleagues: return "directory"
        }
    }

    /// The `record_id` of the kinds that are one key for the whole instance; nil for kinds with a key per record.
    public var instanceRecordID: String? {
        switch self {
        case .documentation: return "documentation"
        case .directory: return "staff"
        case .colleagues: return "colleagues"
        case .report, .case, .incident: return nil
        }
    }

    /// Whether a role may hold a copy of this kind's keys.
    public func mayBeHeld(by role: StaffRole) -> Bool {
        switch self {
        case .report: return role.triagesIntake
        case .case: return role.runsCases
        case .incident, .documentation: return role.readsDocumentation
        case .directory: return role.managesUsers
        case .colleagues: return true
        }
    }
}
