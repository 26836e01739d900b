import Foundation
import HavenDomain

/// Where a value was found in an item's text: character offsets, end exclusive, and the text itself.
public struct Span: Sendable, Equatable, Codable {
    public let start: Int
    public let end: Int
    public let text: String
}

/// A date found in a text, as precise as the text allows.
public struct FoundDate: Sendable, Equatable, Codable {
    /// ISO 8601 to its precision: `2020`, `2020-02`, `2020-06-08`; an estimate starts with `~`.
    public let value: String
    public let precision: PartialDate.Precision
    public let span: Span
}

/// A place found in a text and the country it is in.
public struct FoundPlace: Sendable, Equatable, Codable {
    public let name: String
    public let country: String
    public let span: Span
}

/// An organisation named in a text.
public struct FoundOrganisation: Sendable, Equatable, Codable {
    public let name: String
    public let span: Span
}

/// A number and what it counts.
public struct FoundCount: Sendable, Equatable, Codable {
    public let value: Int
    public let unit: String
    public let span: Span
}

/// A suggested vocabulary term with its score.
public struct Suggestion: Sendable, Equatable, Codable {
    public let code: String
    public let label: String
    public let score: Double
}

/// What kind of text a news item is.
public enum ItemKind: String, Sendable, Codable, CaseIterable {
    case incidentReport = "incident_report"
    case statement
    case jointStatement = "joint_statement"
    case eventReport = "event_report"
    case other
}

/// Everything extracted from one news item.
public struct Extraction: Sendable, Equatable, Codable {
    public let text: String
    public let language: String
    public let kind: ItemKind
    public let dates: [FoundDate]
    /// ISO 3166-1 alpha-2 codes, most relevant first.
    public let countries: [String]
    public let places: [FoundPlace]
    public let organisations: [FoundOrganisation]
    public let counts: [FoundCount]
    /// Annual Review headings, best first (`name` is the heading's code).
    public let headings: [HeadingSuggestion]
    public let types: [Suggestion]
}

/// A suggested Annual Review heading.
public struct HeadingSuggestion: Sendable, Equatable, Codable {
    public let name: String
    public let score: Double
}

/// Splits pasted text into news items and extracts each.
public enum NewsIngest {
    /// Items separated by blank lines; spaces and extra blank lines do not matter.
    public static func items(in text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .split(whereSeparator: \.isEmpty)
            .map { $0.joined(separator: " ") }
    }

    /// Extracts one item; dates without a year are read relative to `reference` (their most recent past occurrence).
    public static func extract(_ text: String, reference: Date = Date()) -> Extraction {
        let document = Document(text)
        let language = LanguageGuess.language(of: document)
        let places = Gazetteer.places(in: document)
        let organisations = OrganisationFinder.organisations(in: document)
        let types = TypeRules.suggest(document)
        return Extraction(
            text: text, language: language, kind: KindRules.kind(of: document, types: types), dates: DateFinder.dates(in: document, reference: reference),
            countries: Gazetteer.countries(in: document, places: places, organisations: organisations), places: places,
            organisations: organisations, counts: CountFinder.counts(in: document),
            headings: TypeRules.headings(from: types, document: document), types: types)
    }
}

/// A text split into words with their character offsets, and its folded form for matching.
struct Document {
    /// One word: letters, digits, hyphens and apostrophes inside words.
    struct Word {
        let text: String
        let folded: String
        let start: Int
        let end: Int
        var isCapitalised: Bool { text.first?.isUppercase == true }
    }

    let text: String
    let characters: [Character]
    let words: [Word]

    /// Every prefix (one to sixteen characters) of every folded word, for the rules' stems.
    let prefixes: Set<Substring>
    /// The folded words joined by spaces, for phrase rules.
    let joined: String

    static func prefixes(of words: [Word]) -> Set<Substring> {
        var prefixes = Set<Substring>(minimumCapacity: words.count * 6)
        for word in words {
            var end = word.folded.startIndex
            var length = 0
            while end < word.folded.endIndex, length < 16 {
                end = word.folded.index(after: end)
                length += 1
                prefixes.insert(word.folded[..<end])
            }
        }
        return prefixes
    }

    init(_ text: String) {
        self.text = text
        characters = Array(text)
        var words: [Word] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isLetter || characters[index].isNumber else { index += 1; continue }
            var end = index
            while end < characters.count, characters[end].isLetter || characters[end].isNumber
                || ((characters[end] == "-" || characters[end] == "'" || characters[end] == "’") && end + 1 < characters.count && characters[end + 1].isLetter) {
                end += 1
            }
            let word = String(characters[index..<end])
            words.append(Word(text: word, folded: Self.fold(word), start: index, end: end))
            index = end
        }
        self.words = words
        prefixes = Self.prefixes(of: words)
        joined = words.map(\.folded).joined(separator: " ")
    }

    /// A word folded as `SearchText.fold` folds it (hyphens kept), quickly for the common cases: ASCII and Cyrillic
    /// words need only lower case (and й → и, ё → е); others go through Foundation's folding.
    static func fold(_ word: String) -> String {
        let lower = word.lowercased()
        var simple = true
        var result = String.UnicodeScalarView()
        for scalar in lower.unicodeScalars {
            switch scalar.value {
            case 0x00...0x7F, 0x0430...0x0438, 0x043A...0x044F: result.append(scalar)
            case 0x0439: result.append("и")
            case 0x0451: result.append("е")
            default: simple = false
            }
            if !simple { break }
        }
        if simple { return String(result) }
        return SearchText.fold(word).replacingOccurrences(of: " ", with: "-")
    }

    /// The index of the word that starts at a character offset (binary search: words are in text order).
    func wordIndex(startingAt offset: Int) -> Int? {
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].start < offset { low = middle + 1 } else { high = middle }
        }
        return low < words.count && words[low].start == offset ? low : nil
    }

    func span(_ start: Int, _ end: Int) -> Span {
        Span(start: start, end: end, text: String(characters[start..<end]))
    }

    func span(words range: ClosedRange<Int>) -> Span {
        span(words[range.lowerBound].start, words[range.upperBound].end)
    }

    /// True when the word at `index` starts a sentence (first word, or after . ! ? or a line start).
    func startsSentence(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        var position = words[index].start - 1
        while position >= 0, characters[position].isWhitespace || characters[position] == "\"" || characters[position] == "“" || characters[position] == "«" {
            position -= 1
        }
        return position < 0 || ".!?:".contains(characters[position])
    }
}
