/// One term of a controlled list: a stable code, an optional parent (for two-level lists), labels per language.
///
///     Vocabulary.incidentTypes.term("V4.1")?.label(.ru)  // "Административное дело о «пропаганде ЛГБТ»"
public struct VocabularyTerm: Sendable, Equatable, Identifiable {
    /// Never changes once shipped; records store it.
    public let code: String
    /// The family's code for level-2 terms, nil for top-level terms.
    public let parent: String?
    let labels: [Language: String]
    /// ILGA-Europe Annual Review headings the term is reported under (incident types only).
    public let headings: [AnnualReviewHeading]
    /// Whether the term can be a hate crime under the OSCE/ODIHR criteria (a criminal offence with a bias motive).
    public let isODIHRHateCrime: Bool

    public var id: String { code }

    public init(_ code: String, parent: String? = nil, en: String, ru: String, ro: String,
                headings: [AnnualReviewHeading] = [], hateCrime: Bool = false) {
        self.code = code
        self.parent = parent
        self.labels = [.en: en, .ru: ru, .ro: ro]
        self.headings = headings
        self.isODIHRHateCrime = hateCrime
    }

    /// The label in a language, falling back to English.
    public func label(_ language: Language) -> String {
        labels[language] ?? labels[.en] ?? code
    }
}

/// A controlled list Haven ships by default (VOCABULARY.md); administrators may later relabel, add and retire terms.
public struct Vocabulary: Sendable {
    /// A stable name, e.g. `incident-types`.
    public let name: String
    public let terms: [VocabularyTerm]
    private let index: [String: Int]

    public init(name: String, terms: [VocabularyTerm]) {
        self.name = name
        self.terms = terms
        self.index = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($0.element.code, $0.offset) })
    }

    /// The term with a code, if any.
    public func term(_ code: String) -> VocabularyTerm? {
        index[code].map { terms[$0] }
    }

    /// Top-level terms (the families of a two-level list), in order.
    public var roots: [VocabularyTerm] { terms.filter { $0.parent == nil } }

    /// The terms under a family, in order.
    public func children(of code: String) -> [VocabularyTerm] {
        terms.filter { $0.parent == code }
    }

    /// Every default list, by name.
    public static let all: [Vocabulary] = [
        incidentTypes, perpetratorTypes, placeTypes, involvementDegrees, actStatuses, violationStatuses, reliabilities,
        sourceConnections, datePrecisions,
    ]
}
