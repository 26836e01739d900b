import Foundation

/// An incident as typed into the one-flow form, checked before anything is sealed or stored.
///
/// Dates are typed as `2020`, `2020-02`, `2020-06-08` or `~2017` (an estimate); counts as whole numbers or nothing.
public struct IncidentDraft: Sendable, Equatable, Codable {
    public var title = ""
    public var description = ""
    public var startDate = ""
    public var endDate = ""
    /// ISO 3166-1 alpha-2.
    public var country = ""
    /// Region and city: the coarse place the public site may show.
    public var region = ""
    public var city = ""
    /// Address or exact place; staff only, never public.
    public var placeDetail = ""
    /// Incident type codes (level-2 terms or families).
    public var types: [String] = []
    public var victims = ""
    public var participants = ""
    public var detainees = ""
    public var violationStatus = "unknown"
    public var reliability = "unknown"
    public var verification = VerificationStatus.unverified
    public var confidentiality = Confidentiality.internal
    public var acts: [ActDraft] = []
    public var sources: [SourceDraft] = []
    /// The title and summary written for the public site, per content language; the only free text of an incident
    /// that a public page shows (the title and description above are for staff and may name people). Nil when none
    /// was written (drafts stored before these existed decode as nil).
    public var publicTitle: Translations?
    public var publicSummary: Translations?

    public static let maximumPublicSummary = 5_000
    public static let maximumTitle = 300
    public static let maximumText = 20_000
    public static let maximumShortField = 200
    public static let maximumCount = 10_000_000

    public init() {}

    /// A problem with one field.
    public enum Problem: String, Sendable, Equatable, CaseIterable {
        case missing, tooLong, notADate, endBeforeStart, unknownCountry, unknownTerm, notACount, notALink
        /// A public text holds a word that is a recorded (or just typed) person's name or other name.
        case containsName

        public var messageKey: String { "incident_problem_\(rawValue)" }
    }

    /// The vocabularies whose codes a draft may use (defaults plus what administrators added, minus retired terms).
    public struct Terms: Sendable {
        public let incidentTypes, perpetratorTypes, placeTypes, involvementDegrees, actStatuses, violationStatuses,
            reliabilities, sourceConnections: Vocabulary

        public init(
            incidentTypes: Vocabulary, perpetratorTypes: Vocabulary, placeTypes: Vocabulary, involvementDegrees: Vocabulary,
            actStatuses: Vocabulary, violationStatuses: Vocabulary, reliabilities: Vocabulary, sourceConnections: Vocabulary
        ) {
            self.incidentTypes = incidentTypes
            self.perpetratorTypes = perpetratorTypes
            self.placeTypes = placeTypes
            self.involvementDegrees = involvementDegrees
            self.actStatuses = actStatuses
            self.violationStatuses = violationStatuses
            self.reliabilities = reliabilities
            self.sourceConnections = sourceConnections
        }

        /// The lists Haven ships.
        public static let shipped = Terms(
            incidentTypes: .incidentTypes, perpetratorTypes: .perpetratorTypes, placeTypes: .placeTypes,
            involvementDegrees: .involvementDegrees, actStatuses: .actStatuses, violationStatuses: .violationStatuses,
            reliabilities: .reliabilities, sourceConnections: .sourceConnections)
    }

    public var start: PartialDate? { PartialDate(parsing: startDate) }
    public var end: PartialDate? { PartialDate(parsing: endDate) }

    /// A count as a number; nil when left empty.
    public static func count(_ typed: String) -> Int? {
        Int(typed.trimmingCharacters(in: .whitespaces))
    }

    /// Problems by field name (`title`, `startDate`, `acts.0.type`, `sources.1.url` …); empty when the draft can be stored.
    public func problems(terms: Terms) -> [String: Problem] {
        var problems: [String: Problem] = [:]
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems["title"] = .missing }
        if title.count > Self.maximumTitle { problems["title"] = .tooLong }
        if description.count > Self.maximumText { problems["description"] = .tooLong }
        for (name, value) in [("region", region), ("city", city), ("placeDetail", placeDetail)] where value.count > Self.maximumShortField {
            problems[name] = .tooLong
        }
        if startDate.isEmpty { problems["startDate"] = .missing } else if start == nil { problems["startDate"] = .notADate }
        if !endDate.isEmpty {
            if let end {
                if let start, end.latestDay < start.earliestDay { problems["endDate"] = .endBeforeStart }
            } else {
                problems["endDate"] = .notADate
            }
        }
        if Country(code: country) == nil { problems["country"] = country.isEmpty ? .missing : .unknownCountry }
        if types.isEmpty { problems["types"] = .missing }
        if types.contains(where: { terms.incidentTypes.term($0) == nil }) { problems["types"] = .unknownTerm }
        for (name, value) in [("victims", victims), ("participants", participants), ("detainees", detainees)]
        where !value.trimmingCharacters(in: .whitespaces).isEmpty {
            if let number = Self.count(value), (0...Self.maximumCount).contains(number) { continue }
            problems[name] = .notACount
        }
        if terms.violationStatuses.term(violationStatus) == nil { problems["violationStatus"] = .unknownTerm }
        if terms.reliabilities.term(reliability) == nil { problems["reliability"] = .unknownTerm }
        for (language, text) in publicTitle?.values ?? [:] where text.count > Self.maximumTitle {
            problems["publicTitle.\(language)"] = .tooLong
        }
        for (language, text) in publicSummary?.values ?? [:] where text.count > Self.maximumPublicSummary {
            problems["publicSummary.\(language)"] = .tooLong
        }
        for (index, act) in acts.enumerated() where !act.isBlank {
            problems.merge(act.problems(terms: terms).map { ("acts.\(index).\($0.key)", $0.value) }) { first, _ in first }
        }
        for (index, source) in sources.enumerated() where !source.isBlank {
            problems.merge(source.problems(terms: terms).map { ("sources.\(index).\($0.key)", $0.value) }) { first, _ in first }
        }
        return problems
    }

    /// Every public text, joined (for the check that no person is named in them).
    public var publicText: String {
        ((publicTitle?.values.values.map { $0 } ?? []) + (publicSummary?.values.values.map { $0 } ?? [])).joined(separator: "\n")
    }

    /// The rows that carry something (blank rows of the form are dropped).
    public var filledActs: [ActDraft] { acts.filter { !$0.isBlank } }
    public var filledSources: [SourceDraft] { sources.filter { !$0.isBlank } }
}
