import Foundation

/// A small, safe markup for publication bodies. `document(_:)` reads it into blocks of text runs that templates render
/// with their own escaping (no raw HTML reaches a template); `html(_:)` writes the same tree as HTML for feeds,
/// escaping every character the author typed.
///
///     ## Heading            → <h2>          - item / 1. item   → <ul>/<ol>
///     > quoted text         → <blockquote>  **strong**, *emphasis*
///     [text](https://…)     → <a href="…" rel="noopener noreferrer">  (http, https and mailto only; others stay text)
///
/// Blank lines separate paragraphs; a single line break inside a paragraph is kept.
public enum Markup {
    /// The text as blocks of runs, for templates.
    public static func document(_ text: String) -> [MarkupBlock] {
        blocks(of: text).map { block in
            switch block {
            case .heading(let level, let line): return MarkupBlock(kind: "heading", level: level, items: [runs(line)])
            case .paragraph(let text): return MarkupBlock(kind: "paragraph", items: [lines(text.split(separator: "\n").map(String.init))])
            case .quote(let lines): return MarkupBlock(kind: "quote", items: [self.lines(lines)])
            case .list(let ordered, let items): return MarkupBlock(kind: ordered ? "orderedList" : "list", items: items.map { runs($0) })
            }
        }
    }

    /// The HTML of a text (for Atom feeds, where HTML travels as escaped text).
    public static func html(_ text: String) -> String {
        document(text).map { block in
            let items = block.items.map { $0.map(html).joined() }
            switch block.kind {
            case "heading": return "<h\(block.level)>\(items.joined())</h\(block.level)>"
            case "quote": return "<blockquote><p>\(items.joined())</p></blockquote>"
            case "list": return "<ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>"
            case "orderedList": return "<ol>" + items.map { "<li>\($0)</li>" }.joined() + "</ol>"
            default: return "<p>\(items.joined())</p>"
            }
        }.joined(separator: "\n")
    }

    private static func html(_ run: MarkupRun) -> String {
        if run.isBreak { return "<br>\n" }
        var text = escape(run.text)
        if run.isEmphasis { text = "<em>\(text)</em>" }
        if run.isStrong { text = "<strong>\(text)</strong>" }
        if !run.link.isEmpty { text = "<a href=\"\(escape(run.link))\" rel=\"noopener noreferrer\">\(text)</a>" }
        return text
    }

    /// Lines joined by line breaks.
    private static func lines(_ lines: [String]) -> [MarkupRun] {
        lines.enumerated().flatMap { index, line in (index > 0 ? [MarkupRun.lineBreak] : []) + runs(line) }
    }

    /// The text without markup, for search, summaries and feeds (not escaped: the caller's template escapes it).
    public static func plainText(_ text: String) -> String {
        blocks(of: text).map { block -> String in
            switch block {
            case .heading(_, let line), .paragraph(let line): return InlineMarkup(line).plainText()
            case .quote(let lines), .list(_, let lines): return lines.map { InlineMarkup($0).plainText() }.joined(separator: " ")
            }
        }.joined(separator: "\n\n")
    }

    /// Escapes the five characters HTML gives meaning to.
    public static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A block of the text: a heading, a paragraph, a quote or a list.
    enum Block: Equatable {
        case heading(level: Int, String)
        case paragraph(String)
        case quote([String])
        case list(ordered: Bool, [String])
    }

    /// The blocks of a text, in one pass: lines are appended to the open block in place, never by copying it.
    /// Consecutive quote lines and list items form one block even across blank lines; an indented line right after a
    /// list item continues it.
    static func blocks(of text: String) -> [Block] {
        var builder = BlockBuilder()
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                builder.flushParagraph()
            } else if let level = headingLevel(line) {
                builder.append(.heading(level: level + 1, String(line.dropFirst(level + 1))))
            } else if line.hasPrefix(">") {
                builder.add(line: String(line.dropFirst()).trimmingCharacters(in: .whitespaces), to: .quote)
            } else if let (ordered, item) = listItem(line) {
                builder.add(line: item, to: ordered ? .orderedList : .list)
            } else if !(raw.hasPrefix("  ") && builder.continueListItem(with: line)) {
                builder.paragraph.append(line)
            }
        }
        builder.flushParagraph()
        builder.closeTail()
        return builder.blocks
    }

    /// The blocks read so far, the quote or list that may still grow (the last block), and the paragraph being read.
    private struct BlockBuilder {
        enum TailKind: Equatable { case quote, list, orderedList }

        var blocks: [Block] = []
        var tailKind: TailKind?
        var tail: [String] = []
        var paragraph: [String] = []

        /// Ends the paragraph being read, if any; it comes after the tail.
        mutating func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            closeTail()
            blocks.append(.paragraph(paragraph.joined(separator: "\n")))
            paragraph = []
        }

        mutating func closeTail() {
            switch tailKind {
            case .quote: blocks.append(.quote(tail))
            case .list: blocks.append(.list(ordered: false, tail))
            case .orderedList: blocks.append(.list(ordered: true, tail))
            case nil: break
            }
            tailKind = nil
            tail = []
        }

        mutating func append(_ block: Block) {
            flushParagraph()
            closeTail()
            blocks.append(block)
        }

        mutating func add(line: String, to kind: TailKind) {
            flushParagraph()
            if tailKind != kind {
                closeTail()
                tailKind = kind
            }
            tail.append(line)
        }

        /// Adds an indented line to the last list item; false when the last block is not a list or a paragraph is open.
        mutating func continueListItem(with line: String) -> Bool {
            guard paragraph.isEmpty, tailKind == .list || tailKind == .orderedList, !tail.isEmpty else { return false }
            tail[tail.count - 1] += " " + line
            return true
        }
    }

    private static func headingLevel(_ line: String) -> Int? {
        for level in 1...3 where line.hasPrefix(String(repeating: "#", count: level) + " ") { return level }
        return nil
    }

    private static func listItem(_ line: String) -> (Bool, String)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return (false, String(line.dropFirst(2))) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3, line.dropFirst(digits.count).hasPrefix(". ") {
            return (true, String(line.dropFirst(digits.count + 2)))
        }
        return nil
    }

    /// Inline markup as runs: strong, emphasis and links carried as flags; everything else plain text.
    static func runs(_ text: String) -> [MarkupRun] {
        InlineMarkup(text).runs()
    }

    /// True for `http://…`, `https://…`, `mailto:…` and site paths (`/incidents/…`); never `javascript:` or `data:`.
    public static func isSafeLink(_ target: String) -> Bool {
        let lower = target.lowercased()
        if lower.hasPrefix("/") && !lower.hasPrefix("//") { return !target.contains(where: { $0.isWhitespace }) }
        guard let colon = lower.firstIndex(of: ":") else { return false }
        return ["http", "https", "mailto"].contains(String(lower[..<colon])) && !target.contains(where: { $0.isWhitespace || $0 == "\"" })
    }
}
