import HavenDomain
import HavenTestSupport
import Testing

/// A pathological text of a given size, named for the test's report.
struct PathologicalText: Sendable, CustomTestStringConvertible {
    let name: String
    let unit: String

    /// The unit repeated until the text is about `size` characters long.
    func text(_ size: Int) -> String { String(repeating: unit, count: max(1, size / max(1, unit.count))) }

    var testDescription: String { name }

    /// The shapes that made parsers quadratic or that stress their scanning: every opening mark without its closing one,
    /// long runs of one block kind, digits, Cyrillic, combining marks, quotes and everything mixed.
    static let all: [PathologicalText] = [
        .init(name: "opening brackets", unit: "["), .init(name: "brackets with a parenthesis", unit: "[x]("),
        .init(name: "unclosed links", unit: "[a](https://a.org "), .init(name: "closing brackets", unit: "]"),
        .init(name: "stars", unit: "*"), .init(name: "double stars", unit: "**a"), .init(name: "underscores", unit: "_a"),
        .init(name: "mixed marks", unit: "*_[**]("), .init(name: "quote lines", unit: "> quoted\n"),
        .init(name: "list items with continuations", unit: "- item\n  more\n"), .init(name: "numbered items", unit: "12. item\n"),
        .init(name: "headings", unit: "## title\n"), .init(name: "blank lines", unit: "\n\n"), .init(name: "digits", unit: "1234567890"),
        .init(name: "Cyrillic words", unit: "Кишинёв суд "), .init(name: "combining marks", unit: "e\u{301}\u{302}"),
        .init(name: "quotes", unit: "\"'«»“”"), .init(name: "one long word", unit: "a"), .init(name: "dashes", unit: "-~"),
    ]
}

@Suite("Parsers of user text run in linear time")
struct LinearTimeTests {
    /// Fails when a ten times larger input takes much more than ten times as long.
    func expectLinear(_ shape: PathologicalText, base: Int = 4_000, _ what: String, _ work: (String) -> Void) {
        let measured = Growth.measure(base: base, make: shape.text, work: work)
        #expect(measured.ratio < Growth.linearLimit, "\(what) on \(shape.name): \(measured)")
    }

    @Test("publication markup: the document tree, plain text and HTML", arguments: PathologicalText.all)
    func markup(_ shape: PathologicalText) {
        expectLinear(shape, "Markup.document") { _ = Markup.document($0) }
        expectLinear(shape, "Markup.plainText") { _ = Markup.plainText($0) }
        expectLinear(shape, "Markup.html") { _ = Markup.html($0) }
    }

    @Test("dates, counts, search queries and numbers as typed in forms", arguments: PathologicalText.all)
    func formFields(_ shape: PathologicalText) {
        expectLinear(shape, base: 20_000, "PartialDate") { _ = PartialDate(parsing: $0) }
        expectLinear(shape, base: 20_000, "WholeNumber") { _ = WholeNumber.read($0, in: 0...1_000) }
        expectLinear(shape, base: 20_000, "SearchText.fts5Expression") { _ = SearchText.fts5Expression($0) }
        expectLinear(shape, base: 20_000, "SearchText.fold") { _ = SearchText.fold($0) }
        expectLinear(shape, base: 20_000, "Money") { _ = Money(parsing: $0, currency: "MDL") }
        expectLinear(shape, base: 20_000, "IncidentDraft.problems") { text in
            var draft = IncidentDraft()
            draft.title = text
            draft.description = text
            draft.startDate = text
            draft.victims = text
            _ = draft.problems(terms: .shipped)
        }
    }
}
