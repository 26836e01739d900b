import Foundation

/// One act in the form: what was done to a victim, and who did it.
public struct ActDraft: Sendable, Equatable, Codable {
    /// The stored act's id when editing; empty for a new row.
    public var id = ""
    /// The victim: an existing person's code (`P-7KQ2M9`) or the name of a new person.
    public var victim = ""
    public var type = ""
    public var date = ""
    public var placeType = ""
    public var status = ""
    public var consequences = ""
    /// The perpetrator: a person's code or a new person's name (optional), and/or a perpetrator type.
    public var perpetrator = ""
    public var perpetratorType = ""
    public var degree = "carried_out"

    public init() {}

    /// True when nothing that describes an act was typed.
    public var isBlank: Bool {
        [victim, type, date, placeType, status, consequences, perpetrator, perpetratorType].allSatisfy {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }

    func problems(terms: IncidentDraft.Terms) -> [String: IncidentDraft.Problem] {
        var problems: [String: IncidentDraft.Problem] = [:]
        if victim.trimmingCharacters(in: .whitespaces).isEmpty { problems["victim"] = .missing }
        if victim.count > IncidentDraft.maximumShortField { problems["victim"] = .tooLong }
        if perpetrator.count > IncidentDraft.maximumShortField { problems["perpetrator"] = .tooLong }
        if type.isEmpty { problems["type"] = .missing } else if terms.incidentTypes.term(type) == nil { problems["type"] = .unknownTerm }
        if !date.isEmpty, PartialDate(parsing: date) == nil { problems["date"] = .notADate }
        if !placeType.isEmpty, terms.placeTypes.term(placeType) == nil { problems["placeType"] = .unknownTerm }
        if !status.isEmpty, terms.actStatuses.term(status) == nil { problems["status"] = .unknownTerm }
        if !perpetratorType.isEmpty, terms.perpetratorTypes.term(perpetratorType) == nil { problems["perpetratorType"] = .unknownTerm }
        if terms.involvementDegrees.term(degree) == nil { problems["degree"] = .unknownTerm }
        if consequences.count > IncidentDraft.maximumText { problems["consequences"] = .tooLong }
        return problems
    }
}
