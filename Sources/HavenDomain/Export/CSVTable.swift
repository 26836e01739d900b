/// A table as spreadsheet programs read it: UTF-8 with a byte-order mark (so Cyrillic and Romanian letters survive),
/// CRLF line ends, RFC 4180 quoting, and every cell that a spreadsheet would take for a formula (starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return) preceded by an apostrophe, so it is shown as text and never run.
public struct CSVTable: Sendable, Equatable {
    public let name: String
    public let columns: [String]
    public private(set) var rows: [[String]] = []

    public init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }

    /// Adds a row; it must have one cell per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "\(name): \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    /// The file's bytes.
    public var text: String {
        var out = "\u{FEFF}"
        out += Self.line(columns)
        for row in rows { out += Self.line(row) }
        return out
    }

    static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// One cell, neutralised and quoted when needed.
    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
