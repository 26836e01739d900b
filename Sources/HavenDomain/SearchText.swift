import Foundation

/// Text as the search index holds it, and typed queries turned into index expressions.
///
/// Both the indexed text and the query are folded the same way: lower case, without diacritics (ș → s, é → e),
/// ё → е and й → и, so "Chisinau" finds "Chișinău" and "ежик" finds "ёжик". Every query word matches by prefix,
/// from three letters on, which stands in for Russian and Romanian stemming: "хабаровск" finds "Хабаровска".
public enum SearchText {
    /// The folded form of a text, words separated by single spaces.
    public static func fold(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// The folded words of a text (letters and digits; everything else separates words), in one pass: each character
    /// is folded on its own (ASCII and Cyrillic directly, others through Foundation), so no input, however many
    /// combining marks it stacks, makes folding slower than linear.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            for folded in fold(character) {
                if folded.isLetter || folded.isNumber {
                    current.append(folded)
                } else if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// One character folded: lower case, without diacritics and width, ё → е and й → и.
    static func fold(_ character: Character) -> String {
        if let ascii = character.asciiValue { return String(Character(Unicode.Scalar((65...90).contains(ascii) ? ascii + 32 : ascii))) }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first {
            switch scalar.value {
            case 0x0401, 0x0451: return "е"
            case 0x0419, 0x0439: return "и"
            case 0x0430...0x044F: return String(character)
            case 0x0410...0x042F: return String(Character(Unicode.Scalar(scalar.value + 0x20)!))
            default: break
            }
        }
        return String(character).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "ё", with: "е").replacingOccurrences(of: "й", with: "и")
    }

    /// The words of a query worth matching: at most eight, each at most 40 characters.
    public static func queryWords(_ query: String) -> [String] {
        Array(words(query).prefix(8)).map { String($0.prefix(40)) }
    }

    /// An FTS5 MATCH expression: every word, by prefix from three letters on (`"хабаровск"* AND "суд"*`), shorter
    /// words exactly (`"и"`, `"of"`: as prefixes they would match a large part of the language); nil when nothing is left.
    public static func fts5Expression(_ query: String) -> String? {
        let words = queryWords(query)
        guard !words.isEmpty else { return nil }
        return words.map { $0.count >= 3 ? "\"\($0)\"*" : "\"\($0)\"" }.joined(separator: " AND ")
    }

    /// A PostgreSQL `to_tsquery('simple', …)` argument: every word, each by prefix (`хабаровск:* & суд:*`).
    public static func tsqueryExpression(_ query: String) -> String? {
        let words = queryWords(query)
        guard !words.isEmpty else { return nil }
        return words.map { "\($0):*" }.joined(separator: " & ")
    }

    /// Whether a text holds every word of a query as the index matches them (by prefix from three letters on, shorter
    /// words exactly): tells which of a record's texts, e.g. which translation, a search result was found by.
    public static func matches(_ text: String, query: String) -> Bool {
        let wanted = queryWords(query)
        guard !wanted.isEmpty else { return false }
        let present = words(text)
        return wanted.allSatisfy { word in
            word.count >= 3 ? present.contains { $0.hasPrefix(word) } : present.contains(word)
        }
    }
}
