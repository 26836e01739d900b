import Foundation

/// One value of a backed-up row: null, an integer or a text (see `ColumnKind` for how each column kind is written).
enum DumpValue: Equatable, Sendable, Decodable {
    case null
    case integer(Int64)
    case text(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    /// A row as one JSON line: columns by name in sorted order, so the same row is the same bytes from either engine.
    static func jsonLine(_ row: [(column: String, value: DumpValue)]) -> String {
        var line = "{"
        for (index, field) in row.sorted(by: { $0.column < $1.column }).enumerated() {
            if index > 0 { line += "," }
            line += quoted(field.column) + ":"
            switch field.value {
            case .null: line += "null"
            case .integer(let number): line += String(number)
            case .text(let text): line += quoted(text)
            }
        }
        return line + "}\n"
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
