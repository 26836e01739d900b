/// What incidents (and cases) can be counted by. Every one is a clear field (restricted incidents count only through
/// these), and a record may carry several values of the facet ones (types, families, headings, perpetrator types; a
/// case's needs).
public enum StatisticsDimension: String, Sendable, CaseIterable, Codable {
    case year, month, country, heading, family, type, perpetrator, verification, violation, confidentiality
    case need
    case caseStatus = "case_status"
    case closingReason = "closing_reason"
    case risk

    /// The dimensions of incidents (the staff statistics form offers these).
    public static let incidentDimensions: [StatisticsDimension] = [
        .year, .month, .country, .heading, .family, .type, .perpetrator, .verification, .violation, .confidentiality,
    ]

    /// The label key in the localisation files.
    public var labelKey: String { "statistics_dimension_\(rawValue)" }

    /// Whether its values follow time (drawn as a line, ordered by date).
    public var isTime: Bool { self == .year || self == .month }

    /// The facet prefix it reads from `incident_facets`, for the facet dimensions.
    public var facetPrefix: String? {
        switch self {
        case .heading: return "heading:"
        case .family: return "family:"
        case .type: return "type:"
        case .perpetrator: return "perpetrator:"
        default: return nil
        }
    }

    /// The value for a typed start date (`2020`, `2020-06`, `2020-06-08`): its year, or its month — `2020-00` when only
    /// the year is known, so that a year-precision date is never counted in January.
    public func timeValue(startDate: String) -> String? {
        let year = String(startDate.prefix(4))
        guard year.count == 4, year.allSatisfy(\.isNumber) else { return nil }
        switch self {
        case .year: return year
        case .month: return startDate.count >= 7 ? String(startDate.prefix(7)) : year + "-00"
        default: return nil
        }
    }

    /// The value of an incident without one (no perpetrator type recorded, say).
    public static let none = "none"
}
