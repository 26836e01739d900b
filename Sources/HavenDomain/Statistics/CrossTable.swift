/// Records counted by one or two classifications, with row totals, column totals and the grand total, and the
/// disclosure model behind them.
///
/// A record may carry several values of a classification (an incident of two types counts under each), so a total
/// counts records, not the sum of its cells. The model stays exact by taking as inner cells the distinct records
/// (every classification's value set) that occur, plus an empty inner cell for each table cell no record falls in (a
/// reader does not know it is empty until it is published). Tables of one release are built together
/// (`CrossTable.release`) so that they share inner cells and can be protected together (`DisclosureModel.combining`).
///
///     let table = CrossTable(records, rows: ("country", ["MD", "RU"]), columns: ("family", ["violence", "speech"]))
///     table.count(row: 0, column: 1)   // records of MD with "speech" among their families
public struct CrossTable: Sendable {
    /// One table of a release: the classification of its rows and, for a two-way table, of its columns, each with the
    /// values shown in order (values a record carries that are not listed are not counted).
    public struct Layout: Sendable {
        public let rows: (name: String, values: [String])
        public let columns: (name: String, values: [String])?

        public init(rows: (String, [String]), columns: (String, [String])? = nil) {
            self.rows = rows
            self.columns = columns
        }

        /// The cells a record falls in, as (row, column) value pairs (column "" in a one-way table).
        func cells(of record: StatisticsRecord) -> [(String, String)] {
            let rowValues = rows.values.filter(record.values(of: rows.name).contains)
            guard let columns else { return rowValues.map { ($0, "") } }
            let columnValues = columns.values.filter(record.values(of: columns.name).contains)
            return rowValues.flatMap { row in columnValues.map { (row, $0) } }
        }

        /// A record that falls in exactly one cell and counts nothing: the inner cell of a cell nobody is in.
        func placeholder(row: String, column: String) -> StatisticsRecord {
            var values = [rows.name: Set([row])]
            if let columns { values[columns.name] = [column] }
            return StatisticsRecord(values)
        }
    }

    public let rows: [String]
    public let columns: [String]
    public let model: DisclosureModel

    /// One table on its own.
    public init(_ records: [StatisticsRecord], rows: (String, [String]), columns: (String, [String])? = nil) {
        self = Self.release(records, [Layout(rows: rows, columns: columns)])[0]
    }

    private init(layout: Layout, inner: [(record: StatisticsRecord, count: Int)]) {
        rows = layout.rows.values
        columns = layout.columns?.values ?? []
        let rowPosition = Dictionary(rows.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let columnPosition = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let width = columns.count
        var members = [[Int]](repeating: [], count: rows.count * width + rows.count + width + 1)
        for (index, entry) in inner.enumerated() {
            let cells = layout.cells(of: entry.record)
            guard !cells.isEmpty else { continue }
            var rowsHit = Set<Int>()
            var columnsHit = Set<Int>()
            for (row, column) in cells {
                let r = rowPosition[row]!
                rowsHit.insert(r)
                if let c = columnPosition[column] {
                    columnsHit.insert(c)
                    members[r * width + c].append(index)
                }
            }
            for r in rowsHit.sorted() { members[rows.count * width + r].append(index) }
            for c in columnsHit.sorted() { members[rows.count * width + rows.count + c].append(index) }
            members[members.count - 1].append(index)
        }
        model = DisclosureModel(
            innerCount: inner.count,
            cells: members.map { DisclosureModel.Cell(inner: $0, value: $0.reduce(0) { $0 + inner[$1].count }) })
    }

    /// The tables of one release over the same records, sharing their inner cells.
    public static func release(_ records: [StatisticsRecord], _ layouts: [Layout]) -> [CrossTable] {
        var combinations: [String: (record: StatisticsRecord, count: Int)] = [:]
        for record in records { combinations[record.canonical, default: (record, 0)].count += 1 }
        for layout in layouts {
            var filled = Set<String>()
            for entry in combinations.values {
                for (row, column) in layout.cells(of: entry.record) { filled.insert(row + "\u{1F}" + column) }
            }
            for row in layout.rows.values {
                for column in layout.columns?.values ?? [""] where !filled.contains(row + "\u{1F}" + column) {
                    let placeholder = layout.placeholder(row: row, column: column)
                    combinations[placeholder.canonical] = combinations[placeholder.canonical] ?? (placeholder, 0)
                }
            }
        }
        let inner = combinations.keys.sorted().map { combinations[$0]! }
        return layouts.map { CrossTable(layout: $0, inner: inner) }
    }

    /// The index in `model.cells` of a cell, a row total (a one-way table's cells), a column total and the grand total.
    public func cellIndex(row: Int, column: Int) -> Int { row * columns.count + column }
    public func rowTotalIndex(_ row: Int) -> Int { rows.count * columns.count + row }
    public func columnTotalIndex(_ column: Int) -> Int { rows.count * columns.count + rows.count + column }
    public var totalIndex: Int { model.cells.count - 1 }

    public func count(row: Int, column: Int) -> Int { model.cells[cellIndex(row: row, column: column)].value }
    public func rowTotal(_ row: Int) -> Int { model.cells[rowTotalIndex(row)].value }
    public func columnTotal(_ column: Int) -> Int { model.cells[columnTotalIndex(column)].value }
    public var total: Int { model.cells[totalIndex].value }
}
