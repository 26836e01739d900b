import Foundation

/// What kind of text a publication is; each kind has its own list and feed on the public site.
public enum PublicationKind: String, CaseIterable, Sendable, Codable {
    case news, statement
    case jointStatement = "joint_statement"
    case eventReport = "event_report"

    public var labelKey: String { "publication_kind_\(rawValue)" }

    /// The public path segment of the kind's list, e.g. `joint-statements`.
    public var pathSegment: String {
        switch self {
        case .news: "news"
        case .statement: "statements"
        case .jointStatement: "joint-statements"
        case .eventReport: "event-reports"
        }
    }

    /// The kind whose list lives at a path segment.
    public init?(pathSegment: String) {
        guard let kind = Self.allCases.first(where: { $0.pathSegment == pathSegment }) else { return nil }
        self = kind
    }
}

/// Where a publication stands: draft → in review → published (from a day and time, maybe future) → unpublished.
public enum PublicationStatus: String, CaseIterable, Sendable, Codable {
    case draft
    case inReview = "in_review"
    case published, unpublished

    public var labelKey: String { "publication_status_\(rawValue)" }
}

/// The publication workflow: which changes are allowed, and which need a role that publishes.
public enum PublicationWorkflow {
    /// The statuses a publication may move to from `status`.
    public static func next(after status: PublicationStatus) -> [PublicationStatus] {
        switch status {
        case .draft: [.inReview, .published]
        case .inReview: [.draft, .published]
        case .published: [.unpublished]
        case .unpublished: [.draft, .published]
        }
    }

    /// True when the change is allowed for someone who may (or may not) publish.
    public static func allows(from: PublicationStatus, to: PublicationStatus, canPublish: Bool) -> Bool {
        guard next(after: from).contains(to) else { return false }
        return canPublish || (to != .published && from != .published)
    }
}

/// Text in several languages inside one record: one value per language code (`en`, `ru`, `ro`, `kk` …).
public struct Translations: Sendable, Equatable, Codable, Hashable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// The text in a language, or the original's when there is none (`isFallback` true).
    public func text(in language: String, original: String) -> (text: String, isFallback: Bool) {
        if let text = values[language] { return (text, false) }
        return (values[original] ?? values.values.first ?? "", true)
    }

    /// The languages the text exists in.
    public var languages: Set<String> { Set(values.keys) }
}

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
        for (name, field, limit) in [("title", title, Self.maximumTitle), ("summary", summary, Self.maximumSummary), ("body", body, Self.maximumBody)] {
            for (language, text) in field.values where text.count > limit { problems["\(name).\(language)"] = .tooLong }
        }
        if !languages.contains(originalLanguage) { problems["originalLanguage"] = .missing }
        if Day.normalized(date) == nil { problems["date"] = date.isEmpty ? .missing : .notADay }
        if countries.contains(where: { Country(code: $0) == nil }) { problems["countries"] = .unknownCountry }
        if categories.contains(where: { AnnualReviewHeading(rawValue: $0) == nil }) { problems["categories"] = .unknownCategory }
        if signatories.contains(where: { $0.count > 300 }) || signatories.count > 1_000 { problems["signatories"] = .tooLong }
        if venue.count > 300 { problems["venue"] = .tooLong }
        if !participants.trimmingCharacters(in: .whitespaces).isEmpty, Int(participants.trimmingCharacters(in: .whitespaces)).map({ $0 >= 0 }) != true {
            problems["participants"] = .notACount
        }
        return problems
    }
}

/// URL slugs from titles in any script: lower-case ASCII letters, digits and dashes (Cyrillic and Romanian letters
/// transliterated), at most 80 characters.
public enum Slug {
    public static func make(_ title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        for original in folded {
            let latin: String = cyrillic[original] ?? String(original)
            for character in latin {
                if character.isASCII, character.isLetter || character.isNumber { slug.append(character) } else if !slug.hasSuffix("-") { slug.append("-") }
            }
        }
        let trimmed = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(80))
        return trimmed.hasSuffix("-") ? String(trimmed.dropLast()) : (trimmed.isEmpty ? "publication" : trimmed)
    }

    /// Russian, Ukrainian and Kazakh letters in Latin (a simple, readable transliteration; folding already made
    /// ё → е and й → и).
    static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "к": "k", "л": "l", "м": "m",
        "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "i", "є": "ye", "ґ": "g",
        "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    ]
}
