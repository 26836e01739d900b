/// Who may see an incident: the public site, all staff, or only the staff it is sealed to.
public enum Confidentiality: String, CaseIterable, Sendable, Codable {
    /// Shown on the public site as an anonymised projection.
    case `public`
    /// Visible to staff who read documentation.
    case `internal`
    /// Narrative, acts and sources sealed under the incident's own key; others see only country, date and types.
    case restricted

    public var labelKey: String { "confidentiality_\(rawValue)" }
}
