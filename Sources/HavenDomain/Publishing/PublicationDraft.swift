import Foundation

/// A publication as typed in the editor: kind, date, one value per language for each text field, countries,
/// categories, linked incidents, signatories and venue.
public struct PublicationDraft: Sendable, Equatable, Codable {
    public var kind = PublicationKind.news
    public var originalLanguage = "en"
    public var title = Translations()
    public var summary = Translations()
    public var body = Translations()
    /// The day it speaks for, `yyyy-MM-dd`.
    public var date = ""
    public var countries: [String] = []
    /// Annual Review heading codes.
    public var categories: [String] = []
    /// Public incident codes.
    public var incidents: [String] = []
    /// Signatory organisation names (joint statements).
    public var signatories: [String] = []
    /// Where a statement was delivered, e.g. a session of the UN Human Rights Council.
    public var venue = ""
    /// How many took part (event reports).
    public var participants = ""

    public init() {}

    public static let maximumTitle = 300
    public static let maximumSummary = 2_000
    public static let maximumBody = 100_000

    /// A problem with one field.
    public enum Problem: String, Sendable, Equatable, CaseIterable {
        case missing, tooLong, notADay, unknownCountry, unknownCategory, notACount, originalMissing, unknownIncident

        public var messageKey: String { "publication_problem_\(rawValue)" }
    }

    /// Problems by field name (`title`, `title.ru`, `date` …); empty when the draft can be stored.
    public func problems(languages: [String]) -> [String: Problem] {
        var problems: [String: Problem] = [:]
        if title.values[originalLanguage] == nil { problems["title.\(originalLanguage)"] = .originalMissing }
        for (name, field, limit) in [
            ("title", title, Self.maximumTitle), ("summary", summary, Self.maximumSummary), ("body", body, Self.maximumBody),
        ] {
            for (language, text) in field.values where text.count > limit { problems["\(name).\(language)"] = .tooLong }
        }
        if !languages.contains(originalLanguage) { problems["originalLanguage"] = .missing }
        if Day.normalized(date) == nil { problems["date"] = date.isEmpty ? .missing : .notADay }
        if countries.contains(where: { Country(code: $0) == nil }) { problems["countries"] = .unknownCountry }
        if categories.contains(where: { AnnualReviewHeading(rawValue: $0) == nil }) { problems["categories"] = .unknownCategory }
        if signatories.contains(where: { $0.count > 300 }) || signatories.count > 1_000 { problems["signatories"] = .tooLong }
        if venue.count > 300 { problems["venue"] = .tooLong }
        if !participants.trimmingCharacters(in: .whitespaces).isEmpty,
            Int(participants.trimmingCharacters(in: .whitespaces)).map({ $0 >= 0 }) != true
        {
            problems["participants"] = .notACount
        }
        return problems
    }
}
