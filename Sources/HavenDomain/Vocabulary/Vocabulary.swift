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
                var added = VocabularyTerm(
                    edit.code, parent: edit.parent, en: english, ru: edit.labels[.ru] ?? english,
                    ro: edit.labels[.ro] ?? english, headings: edit.parent.flatMap { term($0)?.headings } ?? [])
                added.isRetired = edit.isRetired
                let position = edit.parent.flatMap { parent in terms.lastIndex { $0.code == parent || $0.parent == parent } }.map { $0 + 1 }
                terms.insert(added, at: position ?? terms.endIndex)
            }
        }
        return Vocabulary(name: name, terms: terms)
    }
}
