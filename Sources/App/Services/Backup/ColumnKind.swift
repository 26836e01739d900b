/// How a column's values are written in a backup, the same from either engine: identifiers as upper-case text, text as
/// text, bytes as base64 text, integers and booleans as integers (0 and 1), moments as microseconds since 1970.
enum ColumnKind: Sendable, Equatable {
    case uuid, text, bytes, integer, boolean, moment

    /// The kind of a column as SQLite declares it (the types Fluent writes).
    static func sqlite(_ declared: String) -> ColumnKind? {
        switch declared.uppercased() {
        case "UUID": return .uuid
        case "TEXT": return .text
        case "BLOB": return .bytes
        case "INTEGER", "BIGINT", "INT": return .integer
        case "REAL", "TIMESTAMP": return .moment
        default: return nil
        }
    }

    /// The kind of a column as PostgreSQL's `information_schema` names its type.
    static func postgres(_ dataType: String) -> ColumnKind? {
        switch dataType {
        case "uuid": return .uuid
        case "text", "character varying": return .text
        case "bytea": return .bytes
        case "bigint", "integer", "smallint": return .integer
        case "boolean": return .boolean
        case "timestamp with time zone", "timestamp without time zone": return .moment
        default: return nil
        }
    }
}
