import Foundation
import SQLKit

/// A table's columns and their kinds as the database at hand declares them, and how each is read into a backup's
/// values and written back from them, on SQLite and on PostgreSQL alike.
struct TableColumns: Sendable {
    let table: String
    let columns: [(name: String, kind: ColumnKind)]
    let isPostgres: Bool
    /// The kinds by column name, for the lookups every cell of an insert makes.
    private let kinds: [String: ColumnKind]

    init(table: String, columns: [(name: String, kind: ColumnKind)], isPostgres: Bool) {
        self.table = table
        self.columns = columns
        self.isPostgres = isPostgres
        kinds = Dictionary(columns.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads the columns of `table`; throws for a column type a backup cannot carry.
    static func read(_ table: String, on sql: any SQLDatabase) async throws -> TableColumns {
        let isPostgres = sql.dialect.name == "postgresql"
        var columns: [(String, ColumnKind)] = []
        if isPostgres {
            let rows = try await sql.raw(
                """
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position
                """
            ).all()
            for row in rows {
                let name = try row.decode(column: "column_name", as: String.self)
                let type = try row.decode(column: "data_type", as: String.self)
                guard let kind = ColumnKind.postgres(type) else {
                    throw BackupFailure("\(table).\(name) has type \(type), which a backup cannot carry")
                }
                columns.append((name, kind))
            }
        } else {
            for row in try await sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table))").all() {
                let name = try row.decode(column: "name", as: String.self)
                let type = try row.decode(column: "type", as: String.self)
                guard let kind = ColumnKind.sqlite(type) else {
                    throw BackupFailure("\(table).\(name) has type \(type), which a backup cannot carry")
                }
                columns.append((name, kind))
            }
        }
        return TableColumns(table: table, columns: columns, isPostgres: isPostgres)
    }

    func kind(of column: String) -> ColumnKind? {
        kinds[column]
    }

    // MARK: Reading

    /// Up to `limit` rows ordered by `key`, after the row whose key values are `after`.
    func page(orderedBy key: [String], after: [DumpValue]?, limit: Int, on sql: any SQLDatabase) async throws -> [[(
        column: String, value: DumpValue
    )]] {
        var query: SQLQueryString = "SELECT "
        query += columns.map { selectExpression($0.name, $0.kind) }.joined(separator: ", ")
        query += " FROM \(ident: table)"
        if let after { query += " WHERE " + (try keyCondition(key, after)) }
        query += " ORDER BY " + key.map { orderExpression($0) }.joined(separator: ", ") + " LIMIT \(literal: limit)"
        return try await sql.raw(query).all().map { row in try columns.map { ($0.name, try value(row, $0.name, $0.kind)) } }
    }

    private func selectExpression(_ column: String, _ kind: ColumnKind) -> SQLQueryString {
        guard isPostgres else { return "\(ident: column)" }
        switch kind {
        case .uuid: return "\(ident: column)::text AS \(ident: column)"
        case .boolean: return "\(ident: column)::int AS \(ident: column)"
        case .moment: return "(EXTRACT(EPOCH FROM \(ident: column)) * 1000000)::bigint AS \(ident: column)"
        case .text, .bytes, .integer: return "\(ident: column)"
        }
    }

    /// Orders text by its bytes on both engines (PostgreSQL would otherwise use the database's collation).
    private func orderExpression(_ column: String) -> SQLQueryString {
        isPostgres && kind(of: column) == .text ? "\(ident: column) COLLATE \"C\"" : "\(ident: column)"
    }

    /// `(k1 > v1) OR (k1 = v1 AND k2 > v2) …`: the rows after a key, in key order.
    private func keyCondition(_ key: [String], _ values: [DumpValue]) throws -> SQLQueryString {
        var alternatives: [SQLQueryString] = []
        for index in key.indices {
            var parts: [SQLQueryString] = []
            for earlier in 0..<index { parts.append(orderExpression(key[earlier]) + " = " + (try bind(values[earlier], key[earlier]))) }
            parts.append(orderExpression(key[index]) + " > " + (try bind(values[index], key[index])))
            alternatives.append("(" + parts.joined(separator: " AND ") + ")")
        }
        return "(" + alternatives.joined(separator: " OR ") + ")"
    }

    private func value(_ row: any SQLRow, _ column: String, _ kind: ColumnKind) throws -> DumpValue {
        if try row.decodeNil(column: column) { return .null }
        switch kind {
        case .uuid: return .text(try row.decode(column: column, as: String.self).uppercased())
        case .text: return .text(try row.decode(column: column, as: String.self))
        case .bytes: return .text(try row.decode(column: column, as: Data.self).base64EncodedString())
        case .integer, .boolean: return .integer(try row.decode(column: column, as: Int64.self))
        case .moment:
            if isPostgres { return .integer(try row.decode(column: column, as: Int64.self)) }
            return .integer(Int64((try row.decode(column: column, as: Double.self) * 1_000_000).rounded()))
        }
    }

    // MARK: Writing

    /// Inserts rows read from a backup: each value converted to what this database's column holds.
    func insert(_ rows: [[String: DumpValue]], on sql: any SQLDatabase) async throws {
        guard let first = rows.first else { return }
        let names = first.keys.sorted()
        for name in names where kind(of: name) == nil {
            throw BackupFailure("the backup has a column \(table).\(name) that this version of Haven does not have")
        }
        var query: SQLQueryString = "INSERT INTO \(ident: table) (\(idents: names, joinedBy: ", ")) VALUES "
        var tuples: [SQLQueryString] = []
        for row in rows {
            guard row.count == names.count else { throw BackupFailure("a row of \(table) has other columns than the first") }
            let values = try names.map { name -> SQLQueryString in
                guard let value = row[name] else { throw BackupFailure("a row of \(table) has other columns than the first") }
                return try bind(value, name)
            }
            tuples.append("(" + values.joined(separator: ", ") + ")")
        }
        query += tuples.joined(separator: ", ")
        try await sql.raw(query).run()
    }

    /// A value bound as this database stores the column's kind.
    private func bind(_ value: DumpValue, _ column: String) throws -> SQLQueryString {
        guard let kind = kind(of: column) else { throw BackupFailure("no column \(table).\(column)") }
        switch (kind, value) {
        case (_, .null): return "NULL"
        case (.uuid, .text(let text)):
            guard let uuid = UUID(uuidString: text) else {
                throw BackupFailure("\(table).\(column) holds something that is not an identifier")
            }
            return "\(bind: uuid)"
        case (.text, .text(let text)): return "\(bind: text)"
        case (.bytes, .text(let text)):
            guard let data = Data(base64Encoded: text) else { throw BackupFailure("\(table).\(column) is not base64") }
            return "\(bind: data)"
        case (.integer, .integer(let number)): return "\(bind: number)"
        case (.boolean, .integer(let number)): return "\(bind: number != 0)"
        case (.moment, .integer(let microseconds)):
            if isPostgres { return "(TIMESTAMPTZ 'epoch' + \(bind: microseconds) * INTERVAL '1 microsecond')" }
            return "\(bind: Double(microseconds) / 1_000_000)"
        default:
            throw BackupFailure("\(table).\(column) holds a value of another kind than its column")
        }
    }
}
