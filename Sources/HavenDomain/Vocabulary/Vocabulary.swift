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

    public init(_ code: String, parent: String? = nil, en: String, ru: String, ro: String,
                headings: [AnnualReviewHeading] = [], hateCrime: Bool = false) {
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

    /// The terms still offered for new records, in order.
    public var offered: [VocabularyTerm] { terms.filter { !$0.isRetired } }

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

/// An administrator's change to a list: a term relabelled, added or retired. Codes of shipped terms never change.
public struct VocabularyEdit: Sendable, Equatable, Codable {
    public let code: String
    /// The family of an added level-2 term.
    public let parent: String?
    /// Labels that replace the shipped ones; a missing language keeps its shipped label.
    public let labels: [Language: String]
    public let isRetired: Bool

    public init(code: String, parent: String? = nil, labels: [Language: String] = [:], isRetired: Bool = false) {
        self.code = code
        self.parent = parent
        self.labels = labels
        self.isRetired = isRetired
    }
}

extension Vocabulary {
    /// The list with administrators' edits applied: relabelled and retired terms in place, added terms after their family
    /// (or at the end).
    public func applying(_ edits: [VocabularyEdit]) -> Vocabulary {
        var terms = self.terms
        for edit in edits {
            if let index = terms.firstIndex(where: { $0.code == edit.code }) {
                terms[index] = terms[index].edited(labels: edit.labels, isRetired: edit.isRetired)
            } else {
                let english = edit.labels[.en] ?? edit.code
                var added = VocabularyTerm(edit.code, parent: edit.parent, en: english, ru: edit.labels[.ru] ?? english,
                                           ro: edit.labels[.ro] ?? english, headings: edit.parent.flatMap { term($0)?.headings } ?? [])
                added.isRetired = edit.isRetired
                let position = edit.parent.flatMap { parent in terms.lastIndex { $0.code == parent || $0.parent == parent } }.map { $0 + 1 }
                terms.insert(added, at: position ?? terms.endIndex)
            }
        }
        return Vocabulary(name: name, terms: terms)
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
