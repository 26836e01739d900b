/// The inline markup of one line (`**strong**`, `*emphasis*`, `_emphasis_`, `[label](target)`), read in linear time:
/// where the next `]`, `)`, `*`, `_` and `**` are is worked out once, backwards, so no closing mark is ever searched
/// for more than once, however many opening marks the line holds.
struct InlineMarkup {
    private let characters: [Character]
    /// For each position, the position of the next such character at or after it (`characters.count` when none).
    private let nextBracket: [Int32]
    private let nextParenthesis: [Int32]
    private let nextStar: [Int32]
    private let nextUnderscore: [Int32]
    /// The next position of two stars in a row.
    private let nextDoubleStar: [Int32]

    init(_ text: String) {
        let characters = Array(text)
        self.characters = characters
        let count = characters.count
        var bracket = [Int32](repeating: Int32(count), count: count + 1)
        var parenthesis = bracket
        var star = bracket
        var underscore = bracket
        var doubleStar = bracket
        for index in stride(from: count - 1, through: 0, by: -1) {
            let character = characters[index]
            bracket[index] = character == "]" ? Int32(index) : bracket[index + 1]
            parenthesis[index] = character == ")" ? Int32(index) : parenthesis[index + 1]
            star[index] = character == "*" ? Int32(index) : star[index + 1]
            underscore[index] = character == "_" ? Int32(index) : underscore[index + 1]
            let pair = character == "*" && index + 1 < count && characters[index + 1] == "*"
            doubleStar[index] = pair ? Int32(index) : doubleStar[index + 1]
        }
        nextBracket = bracket
        nextParenthesis = parenthesis
        nextStar = star
        nextUnderscore = underscore
        nextDoubleStar = doubleStar
    }

    /// The line as runs of text with the same formatting.
    func runs() -> [MarkupRun] {
        var runs: [MarkupRun] = []
        read(0, characters.count, style: Style(), into: &runs)
        return runs
    }

    /// The line without markup: link labels kept, stars and underscores dropped.
    func plainText() -> String {
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "[", let link = linkParts(at: index, end: characters.count) {
                output.append(contentsOf: characters[(index + 1)..<link.close])
                index = link.end + 1
            } else {
                if character != "*" && character != "_" { output.append(character) }
                index += 1
            }
        }
        return output
    }

    /// The formatting in force while a part of the line is read.
    private struct Style {
        var isStrong = false
        var isEmphasis = false
        var link = ""
        /// How deep strong and emphasis nest; links and depth 4 stop further nesting.
        var depth = 0
    }

    private func read(_ start: Int, _ end: Int, style: Style, into runs: inout [MarkupRun]) {
        var plain = ""
        func flush() {
            if !plain.isEmpty {
                runs.append(MarkupRun(text: plain, isStrong: style.isStrong, isEmphasis: style.isEmphasis, link: style.link))
            }
            plain = ""
        }
        var index = start
        while index < end {
            let character = characters[index]
            if style.depth < 4, character == "*", index + 1 < end, characters[index + 1] == "*",
                let close = next(nextDoubleStar, from: index + 2, end: end, width: 2), close > index + 2
            {
                flush()
                var inner = style
                inner.isStrong = true
                inner.depth += 1
                read(index + 2, close, style: inner, into: &runs)
                index = close + 2
            } else if style.depth < 4, character == "*" || character == "_", index + 1 < end, !characters[index + 1].isWhitespace,
                let close = next(character == "*" ? nextStar : nextUnderscore, from: index + 1, end: end), close > index + 1
            {
                flush()
                var inner = style
                inner.isEmphasis = true
                inner.depth += 1
                read(index + 1, close, style: inner, into: &runs)
                index = close + 1
            } else if character == "[", style.link.isEmpty, let link = link(at: index, end: end) {
                flush()
                var inner = style
                inner.link = link.target
                inner.depth = 4
                read(index + 1, link.close, style: inner, into: &runs)
                index = link.end + 1
            } else {
                plain.append(character)
                index += 1
            }
        }
        flush()
    }

    /// The first position at or after `from` in `table` that lies (with `width` characters) before `end`.
    private func next(_ table: [Int32], from: Int, end: Int, width: Int = 1) -> Int? {
        guard from < end else { return nil }
        let found = Int(table[from])
        return found + width <= end ? found : nil
    }

    /// `[label](target)` starting at `index`: where `]` and `)` are; nil when the shape is not there.
    private func linkParts(at index: Int, end: Int) -> (close: Int, end: Int)? {
        guard let close = next(nextBracket, from: index, end: end), close + 1 < end, characters[close + 1] == "(",
            let last = next(nextParenthesis, from: close, end: end)
        else { return nil }
        return (close, last)
    }

    /// A link with a non-empty label and a safe target.
    private func link(at index: Int, end: Int) -> (close: Int, end: Int, target: String)? {
        guard let parts = linkParts(at: index, end: end), parts.close > index + 1 else { return nil }
        let target = String(characters[(parts.close + 2)..<parts.end]).trimmingCharacters(in: .whitespaces)
        guard Markup.isSafeLink(target) else { return nil }
        return (parts.close, parts.end, target)
    }
}
