/// Why an incident was deleted for good: a controlled list, so the audit log records the reason without free text.
public enum DeletionReason: String, Sendable, CaseIterable {
    case duplicate, mistake, test, other

    /// The localisation key of the reason's label.
    public var labelKey: String { "incident_delete_reason_\(rawValue)" }
}
