/// One term of a controlled list: a stable code, an optional parent (for two-level lists), labels per language.
///
///     Vocabulary.incidentTypes.term("V4.1")?.label(.ru)  // "Административное дело о «пропаганде ЛГБТ»"
public struct VocabularyTerm: Sendable, Equatable, Identifiable {
    /// Never changes once shipped; records store it.
    public let code: String
    /// The family's code for level-2 terms, nil for top-level terms.
    public let parent: String?
    var labels: [Language: String]
    /// ILGA-Europe Annual Review headings the term is reported under (incident types only).
    public let headings: [AnnualReviewHeading]
    /// Whether the term can be a hate crime under the OSCE/ODIHR criteria (a criminal offence with a bias motive).
    public let isODIHRHateCrime: Bool
    /// Retired terms stay on the records that use them but are no longer offered.
    public internal(set) var isRetired = false

    public var id: String { code }

    public init(
        _ code: String, parent: String? = nil, en: String, ru: String, ro: String,
        headings: [AnnualReviewHeading] = [], hateCrime: Bool = false
    ) {
        self.code = code
        self.parent = parent
        self.labels = [.en: en, .ru: ru, .ro: ro]
        self.headings = headings
        self.isODIHRHateCrime = hateCrime
    }

    /// The labels by language (for editing).
    public var allLabels: [Language: String] { labels }

    /// The label in a language, falling back to English.
    public func label(_ language: Language) -> String {
        labels[language] ?? labels[.en] ?? code
    }
}

extension VocabularyTerm {
    func edited(labels: [Language: String], isRetired: Bool) -> VocabularyTerm {
        var copy = self
        copy.labels.merge(labels.filter { !$0.value.isEmpty }) { _, new in new }
        copy.isRetired = isRetired
        return copy
    }
}
