import Foundation

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

    public init(
        kind: ReportKind, narrative: String, country: String = "", city: String = "", when: String = "",
        contact: String = "", needs: [Need] = []
    ) {
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
