@testable import HavenDomain

/// The markup parser as it was before it was made linear (it scanned to the end of the line for every opening mark),
/// kept only as the oracle the linear one must agree with.
enum ReferenceMarkup {
    /// The text as blocks of runs, for templates.
    static func document(_ text: String) -> [MarkupBlock] {
        blocks(of: text).map { block in
            switch block {
            case .heading(let level, let line): return MarkupBlock(kind: "heading", level: level, items: [runs(line)])
            case .paragraph(let text): return MarkupBlock(kind: "paragraph", items: [lines(text.split(separator: "\n").map(String.init))])
            case .quote(let lines): return MarkupBlock(kind: "quote", items: [self.lines(lines)])
            case .list(let ordered, let items): return MarkupBlock(kind: ordered ? "orderedList" : "list", items: items.map { runs($0) })
            }
        }
    }

    /// Lines joined by line breaks.
    private static func lines(_ lines: [String]) -> [MarkupRun] {
        lines.enumerated().flatMap { index, line in (index > 0 ? [MarkupRun(isBreak: true)] : []) + runs(line) }
    }

    /// The text without markup, for search, summaries and feeds (not escaped: the caller's template escapes it).
    static func plainText(_ text: String) -> String {
        blocks(of: text).map { block -> String in
            switch block {
            case .heading(_, let line), .paragraph(let line): return inlineText(line)
            case .quote(let lines), .list(_, let lines): return lines.map(inlineText).joined(separator: " ")
            }
        }.joined(separator: "\n\n")
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
            if line.isEmpty {
                flush()
                continue
            }
            if let level = headingLevel(line) {
                flush()
                blocks.append(.heading(level: level + 1, String(line.dropFirst(level + 1))))
            } else if line.hasPrefix(">") {
                flush()
                let content = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
                if case .quote(let lines) = blocks.last {
                    blocks[blocks.count - 1] = .quote(lines + [content])
                } else {
                    blocks.append(.quote([content]))
                }
            } else if let (ordered, item) = listItem(line) {
                flush()
                if case .list(ordered, let items) = blocks.last {
                    blocks[blocks.count - 1] = .list(ordered: ordered, items + [item])
                } else {
                    blocks.append(.list(ordered: ordered, [item]))
                }
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
        if !digits.isEmpty, digits.count <= 3, line.dropFirst(digits.count).hasPrefix(". ") {
            return (true, String(line.dropFirst(digits.count + 2)))
        }
        return nil
    }

    /// Inline markup as runs: strong, emphasis and links carried as flags; everything else plain text.
    static func runs(_ text: String, strong: Bool = false, emphasis: Bool = false, link: String = "", depth: Int = 0) -> [MarkupRun] {
        var runs: [MarkupRun] = []
        var plain = ""
        func flush() {
            if !plain.isEmpty { runs.append(MarkupRun(text: plain, isStrong: strong, isEmphasis: emphasis, link: link)) }
            plain = ""
        }
        var rest = Substring(text)
        while let first = rest.first {
            if depth < 4, rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**"),
                end.lowerBound > rest.index(rest.startIndex, offsetBy: 2)
            {
                flush()
                runs += self.runs(
                    String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound]), strong: true, emphasis: emphasis, link: link,
                    depth: depth + 1)
                rest = rest[end.upperBound...]
            } else if depth < 4, first == "*" || first == "_", let end = rest.dropFirst().firstIndex(of: first),
                end > rest.index(after: rest.startIndex),
                !rest[rest.index(after: rest.startIndex)].isWhitespace
            {
                flush()
                runs += self.runs(
                    String(rest[rest.index(after: rest.startIndex)..<end]), strong: strong, emphasis: true, link: link, depth: depth + 1)
                rest = rest[rest.index(after: end)...]
            } else if first == "[", link.isEmpty, let found = self.link(at: rest) {
                flush()
                runs += self.runs(found.label, strong: strong, emphasis: emphasis, link: found.target, depth: 4)
                rest = rest[found.end...]
            } else {
                plain.append(first)
                rest = rest.dropFirst()
            }
        }
        flush()
        return runs
    }

    private static func link(at text: Substring) -> (label: String, target: String, end: Substring.Index)? {
        guard let close = text.firstIndex(of: "]"), text[close...].hasPrefix("]("),
            let end = text[close...].firstIndex(of: ")")
        else { return nil }
        let label = String(text[text.index(after: text.startIndex)..<close])
        let target = String(text[text.index(close, offsetBy: 2)..<end]).trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, Markup.isSafeLink(target) else { return nil }
        return (label, target, text.index(after: end))
    }

    private static func inlineText(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let first = rest.first {
            if first == "[", let close = rest.firstIndex(of: "]"), rest[close...].hasPrefix("]("),
                let end = rest[close...].firstIndex(of: ")")
            {
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
