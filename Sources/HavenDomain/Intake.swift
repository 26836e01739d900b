import Foundation

/// The three ways into anonymous intake.
public enum ReportKind: String, CaseIterable, Sendable, Codable {
    /// "I need help": a request that may become a case.
    case help
    /// "I experienced or witnessed a violation": may become a documented incident.
    case violation
    /// "Something else".
    case other

    /// The localisation key of the kind's name.
    public var labelKey: String { "report_kind_\(rawValue)" }
}

/// Where a report stands in the intake inbox.
public enum ReportStatus: String, CaseIterable, Sendable, Codable {
    case new, open, closed

    public var labelKey: String { "report_status_\(rawValue)" }
}

/// Needs and services a person may ask for (VOCABULARY.md, casework).
public enum Need: String, CaseIterable, Sendable, Codable {
    case legalConsultation = "legal_consultation"
    case legalRepresentation = "legal_representation"
    case strategicLitigation = "strategic_litigation"
    case psychological
    case medical
    case shelter
    case relocationInCountry = "relocation_in_country"
    case relocationAbroad = "relocation_abroad"
    case visaAsylum = "visa_asylum"
    case financial
    case digitalSecurity = "digital_security"
    case documents
    case peerSupport = "peer_support"

    public var labelKey: String { "need_\(rawValue)" }
}

/// What a person sends through `/report`, checked before anything is sealed or stored.
public struct ReportSubmission: Sendable, Equatable, Codable {
    public var kind: ReportKind
    public var narrative: String
    public var country: String
    public var city: String
    public var when: String
    public var contact: String
    public var needs: [Need]

    public static let maximumNarrative = 20_000
    public static let maximumShortField = 200

    public init(kind: ReportKind, narrative: String, country: String = "", city: String = "", when: String = "",
                contact: String = "", needs: [Need] = []) {
        self.kind = kind
        self.narrative = narrative
        self.country = country
        self.city = city
        self.when = when
        self.contact = contact
        self.needs = needs
    }

    /// A problem with one field.
    public enum Problem: String, Sendable, Equatable {
        case narrativeMissing, narrativeTooLong, fieldTooLong

        public var messageKey: String { "report_problem_\(rawValue)" }
    }

    /// Problems by field name (`narrative`, `country`, `city`, `when`, `contact`); empty when the report can be stored.
    public var problems: [String: Problem] {
        var problems: [String: Problem] = [:]
        let text = narrative.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { problems["narrative"] = .narrativeMissing }
        if narrative.count > Self.maximumNarrative { problems["narrative"] = .narrativeTooLong }
        for (name, value) in [("country", country), ("city", city), ("when", when), ("contact", contact)]
        where value.count > Self.maximumShortField {
            problems[name] = .fieldTooLong
        }
        return problems
    }
}
