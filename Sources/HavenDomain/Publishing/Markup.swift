import Foundation

/// A small, safe markup for publication bodies, rendered to HTML on the server. Every character the author typed is
/// escaped; the only tags are the ones this renderer writes.
///
///     ## Heading            → <h2>          - item / 1. item   → <ul>/<ol>
///     > quoted text         → <blockquote>  **strong**, *emphasis*
///     [text](https://…)     → <a href="…" rel="noopener noreferrer">  (http, https and mailto only; others stay text)
///
/// Blank lines separate paragraphs; a single line break inside a paragraph is kept.
public enum Markup {
    /// The HTML of a text.
    public static func html(_ text: String) -> String {
        blocks(of: text).map(render).joined(separator: "\n")
    }

    /// The text without markup, for search, summaries and feeds (not escaped: the caller's template escapes it).
    public static func plainText(_ text: String) -> String {
        blocks(of: text).map { block -> String in
            switch block {
            case .heading(_, let line), .paragraph(let line): return inlineText(line)
            case .quote(let lines), .list(_, let lines): return lines.map(inlineText).joined(separator: " ")
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

    static func blocks(of text: String) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: "\n"))) }
            paragraph = []
        }
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush(); continue }
            if let level = headingLevel(line) {
                flush()
                blocks.append(.heading(level: level + 1, String(line.dropFirst(level + 1))))
            } else if line.hasPrefix(">") {
                flush()
                let content = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
                if case .quote(let lines) = blocks.last { blocks[blocks.count - 1] = .quote(lines + [content]) } else { blocks.append(.quote([content])) }
            } else if let (ordered, item) = listItem(line) {
                flush()
                if case .list(ordered, let items) = blocks.last { blocks[blocks.count - 1] = .list(ordered: ordered, items + [item]) }
                else { blocks.append(.list(ordered: ordered, [item])) }
            } else {
                if case .list = blocks.last, paragraph.isEmpty, raw.hasPrefix("  ") {
                    // A continuation of the last list item.
                    if case .list(let ordered, var items) = blocks.last {
                        items[items.count - 1] += " " + line
                        blocks[blocks.count - 1] = .list(ordered: ordered, items)
                        continue
                    }
                }
                paragraph.append(line)
            }
        }
        flush()
        return blocks
    }

    private static func headingLevel(_ line: String) -> Int? {
        for level in 1...3 where line.hasPrefix(String(repeating: "#", count: level) + " ") { return level }
        return nil
    }

    private static func listItem(_ line: String) -> (Bool, String)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return (false, String(line.dropFirst(2))) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3, line.dropFirst(digits.count).hasPrefix(". ") { return (true, String(line.dropFirst(digits.count + 2))) }
        return nil
    }

    private static func render(_ block: Block) -> String {
        switch block {
        case .heading(let level, let text): return "<h\(level)>\(inline(text))</h\(level)>"
        case .paragraph(let text): return "<p>" + text.split(separator: "\n").map { inline(String($0)) }.joined(separator: "<br>\n") + "</p>"
        case .quote(let lines): return "<blockquote><p>" + lines.map { inline($0) }.joined(separator: "<br>\n") + "</p></blockquote>"
        case .list(let ordered, let items):
            let tag = ordered ? "ol" : "ul"
            return "<\(tag)>" + items.map { "<li>\(inline($0))</li>" }.joined() + "</\(tag)>"
        }
    }

    /// Inline markup: strong, emphasis and links; everything else escaped.
    static func inline(_ text: String, depth: Int = 0) -> String {
        var output = ""
        var rest = Substring(text)
        while let first = rest.first {
            if depth < 4, rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**"), end.lowerBound > rest.index(rest.startIndex, offsetBy: 2) {
                output += "<strong>" + inline(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound]), depth: depth + 1) + "</strong>"
                rest = rest[end.upperBound...]
            } else if depth < 4, first == "*" || first == "_", let end = rest.dropFirst().firstIndex(of: first), end > rest.index(after: rest.startIndex),
                      !rest[rest.index(after: rest.startIndex)].isWhitespace {
                output += "<em>" + inline(String(rest[rest.index(after: rest.startIndex)..<end]), depth: depth + 1) + "</em>"
                rest = rest[rest.index(after: end)...]
            } else if first == "[", let link = link(at: rest) {
                output += link.html
                rest = rest[link.end...]
            } else {
                output += escape(String(first))
                rest = rest.dropFirst()
            }
        }
        return output
    }

    private static func link(at text: Substring) -> (html: String, end: Substring.Index)? {
        guard let close = text.firstIndex(of: "]"), text[close...].hasPrefix("]("),
              let end = text[close...].firstIndex(of: ")") else { return nil }
        let label = String(text[text.index(after: text.startIndex)..<close])
        let target = String(text[text.index(close, offsetBy: 2)..<end]).trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, isSafeLink(target) else { return nil }
        return ("<a href=\"\(escape(target))\" rel=\"noopener noreferrer\">\(inline(label, depth: 4))</a>", text.index(after: end))
    }

    /// True for `http://…`, `https://…`, `mailto:…` and site paths (`/incidents/…`); never `javascript:` or `data:`.
    public static func isSafeLink(_ target: String) -> Bool {
        let lower = target.lowercased()
        if lower.hasPrefix("/") && !lower.hasPrefix("//") { return !target.contains(where: { $0.isWhitespace }) }
        guard let colon = lower.firstIndex(of: ":") else { return false }
        return ["http", "https", "mailto"].contains(String(lower[..<colon])) && !target.contains(where: { $0.isWhitespace || $0 == "\"" })
    }

    private static func inlineText(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let first = rest.first {
            if first == "[", let close = rest.firstIndex(of: "]"), rest[close...].hasPrefix("]("), let end = rest[close...].firstIndex(of: ")") {
                output += rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: end)...]
            } else if first == "*" || first == "_" {
                rest = rest.dropFirst()
            } else {
                output.append(first)
                rest = rest.dropFirst()
            }
        }
        return output
    }
}
