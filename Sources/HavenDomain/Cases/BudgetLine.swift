import Foundation

/// What a service's cost is booked against (VOCABULARY.md, casework).
public enum BudgetLine: String, CaseIterable, Sendable, Codable {
    case socialWork = "social_work"
    case domesticTravel = "domestic_travel"
    case visasAndDeparture = "visas_departure"
    case housing, food, medical, legal, communication, other

    public var labelKey: String { "budget_\(rawValue)" }
}
