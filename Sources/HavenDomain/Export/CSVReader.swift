/// Reads CSV (RFC 4180: quoted cells with doubled quotes and line breaks inside, CRLF or LF line ends, an optional
/// byte-order mark) in one pass, in time linear in the text.
public enum CSVReader {
    /// Why a text is not CSV.
    public enum Failure: Error, Equatable {
        /// A quoted cell that never closes, starting on this line.
        case unclosedQuote(line: Int)
    }

    /// The rows, each a list of cells; blank lines are left out.
    public static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var isQuoted = false
        var quoteLine = 1
        var line = 1
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if isQuoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        cell.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        isQuoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where cell.isEmpty:
                isQuoted = true
                quoteLine = line
            case ",":
                row.append(cell)
                cell = ""
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                line += 1
                row.append(cell)
                cell = ""
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
            default:
                cell.unicodeScalars.append(scalar)
            }
        }
        if isQuoted { throw Failure.unclosedQuote(line: quoteLine) }
        row.append(cell)
        if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
        return rows
    }

    /// A cell as it was before `CSVTable` neutralised it: the apostrophe before a formula start is taken off again.
    public static func unneutralised(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.unicodeScalars.dropFirst().first, ["=", "+", "-", "@", "\t", "\r"].contains(second)
        else { return cell }
        return String(cell.dropFirst())
    }
}
