import Foundation
import HavenDomain

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
            guard characters[index].isLetter || characters[index].isNumber else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count,
                characters[end].isLetter || characters[end].isNumber
                    || ((characters[end] == "-" || characters[end] == "'" || characters[end] == "’") && end + 1 < characters.count
                        && characters[end + 1].isLetter)
            {
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
        while position >= 0,
            characters[position].isWhitespace || characters[position] == "\"" || characters[position] == "“" || characters[position] == "«"
        {
            position -= 1
        }
        return position < 0 || ".!?:".contains(characters[position])
    }
}
