/// Everything sealed about a person. SOGIESC answers are separate fields, each allowing "prefer not to say" and "unknown".
public struct PersonIdentity: Codable, Sendable, Equatable {
    public var name: String
    public var otherNames: String = ""
    public var contacts: String = ""
    public var dateOfBirth: String = ""
    public var sexualOrientation: SexualOrientation = .unknown
    public var genderIdentity: GenderIdentity = .unknown
    public var intersexStatus: IntersexStatus = .unknown
    public var vulnerabilities: [Vulnerability] = []
    public var notes: String = ""

    public init(
        name: String, otherNames: String = "", contacts: String = "", dateOfBirth: String = "",
        sexualOrientation: SexualOrientation = .unknown, genderIdentity: GenderIdentity = .unknown,
        intersexStatus: IntersexStatus = .unknown, vulnerabilities: [Vulnerability] = [], notes: String = ""
    ) {
        self.name = name
        self.otherNames = otherNames
        self.contacts = contacts
        self.dateOfBirth = dateOfBirth
        self.sexualOrientation = sexualOrientation
        self.genderIdentity = genderIdentity
        self.intersexStatus = intersexStatus
        self.vulnerabilities = vulnerabilities
        self.notes = notes
    }

    /// What is wrong, by field: a name is needed; names, contacts and notes have limits; a date of birth is a partial
    /// date (`1990`, `1990-05`, `~1985`).
    public var problems: [String: IncidentDraft.Problem] {
        var problems: [String: IncidentDraft.Problem] = [:]
        if name.isEmpty { problems["name"] = .missing }
        for (field, value, limit) in [
            ("name", name, 200), ("otherNames", otherNames, 500), ("contacts", contacts, 1_000),
            ("notes", notes, IncidentDraft.maximumText),
        ] where value.count > limit {
            problems[field] = .tooLong
        }
        if !dateOfBirth.isEmpty, PartialDate(parsing: dateOfBirth) == nil { problems["dateOfBirth"] = .notADate }
        return problems
    }
}
