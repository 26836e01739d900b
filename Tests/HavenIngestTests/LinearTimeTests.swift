import Foundation
import HavenIngest
import HavenTestSupport
import Testing

/// A news text made of one phrase repeated; numbered phrases make every repetition a different name.
struct RepeatedPhrase: Sendable, CustomTestStringConvertible {
    let name: String
    let phrase: String
    /// When true, `#` in the phrase becomes the repetition's number (distinct organisations, dates, counts).
    var numbered = false

    func text(_ size: Int) -> String {
        let count = max(1, size / max(1, phrase.count))
        guard numbered else { return String(repeating: phrase, count: count) }
        return (0..<count).map { phrase.replacingOccurrences(of: "#", with: String($0)) }.joined()
    }

    var testDescription: String { name }

    static let all: [RepeatedPhrase] = [
        .init(name: "countries", phrase: "Russia "), .init(name: "places", phrase: "Moscow "),
        .init(name: "Cyrillic places", phrase: "в Кишинёве "),
        .init(name: "origins", phrase: "They fled from Chechnya. "), .init(name: "known organisations", phrase: "Memorial "),
        .init(name: "capitalised organisation names", phrase: "Aaa Bbb Network, "),
        .init(name: "distinct organisation names", phrase: "Group # Network; ", numbered: true),
        .init(name: "dates", phrase: "On June 8 "), .init(name: "numbered dates", phrase: "19 mai 20# ", numbered: true),
        .init(name: "counts", phrase: "350 participants "), .init(name: "digits", phrase: "1234567 "),
        .init(name: "capitalised words", phrase: "Word "), .init(name: "combining marks", phrase: "Chis\u{0326}ina\u{0306}u\u{0301} "),
        .init(name: "quotes", phrase: "«" + "“Moscow”" + "» "), .init(name: "one long word", phrase: "a"),
        .init(name: "rule words", phrase: "propaganda court fine march attack family violence "),
    ]
}

@Suite("News ingest runs in linear time")
struct IngestLinearTimeTests {
    @Test("extraction of every field", arguments: RepeatedPhrase.all)
    func extraction(_ shape: RepeatedPhrase) {
        let measured = Growth.measure(base: 2_000, make: shape.text) {
            _ = NewsIngest.extract($0, reference: Date(timeIntervalSince1970: 1_600_000_000))
        }
        #expect(measured.ratio < Growth.linearLimit, "\(shape.name): \(measured)")
    }

    @Test("text from HTML files and item splitting", arguments: ["<", "<p>", "&amp;", "<script>", "</", "a\n\n", ">"])
    func html(_ unit: String) {
        let make = { (size: Int) in String(repeating: unit, count: size / unit.count) }
        let fromHTML = Growth.measure(base: 20_000, make: make) { _ = PlainText.fromHTML($0) }
        #expect(fromHTML.ratio < Growth.linearLimit, "fromHTML on \(unit.debugDescription): \(fromHTML)")
        let items = Growth.measure(base: 20_000, make: make) { _ = NewsIngest.items(in: $0) }
        #expect(items.ratio < Growth.linearLimit, "items on \(unit.debugDescription): \(items)")
    }
}
