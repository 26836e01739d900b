import HavenDomain

/// A counted table as pages and files show it: row and column values (codes), every cell's count and what disclosure
/// control did with it. A hidden cell's count is never handed on: `count` is nil for it, so a table can be frozen in a
/// release as it is.
struct StatisticsTable: Sendable, Codable, Equatable {
    /// One shown number.
    struct Cell: Sendable, Equatable, Codable {
        let count: Int?
        let status: CellStatus
    }

    let rowsBy: StatisticsDimension
    let columnsBy: StatisticsDimension?
    let rows: [String]
    let columns: [String]
    /// `cells[row][column]`; a one-way table has one column (the row's count).
    let cells: [[Cell]]
    let rowTotals: [Cell]
    let columnTotals: [Cell]
    let total: Cell
    /// The threshold below which a count is hidden (nil when the table is not protected).
    let threshold: Int?

    init(rowsBy: StatisticsDimension, columnsBy: StatisticsDimension?, table: CrossTable, statuses: [CellStatus]?, threshold: Int?) {
        self.rowsBy = rowsBy
        self.columnsBy = columnsBy
        self.threshold = threshold
        rows = table.rows
        columns = table.columns
        func cell(_ index: Int) -> Cell {
            let status = statuses?[index] ?? .published
            return Cell(count: status.isHidden ? nil : table.model.cells[index].value, status: status)
        }
        if table.columns.isEmpty {
            cells = table.rows.indices.map { [cell(table.rowTotalIndex($0))] }
            rowTotals = cells.map { $0[0] }
        } else {
            cells = table.rows.indices.map { row in table.columns.indices.map { cell(table.cellIndex(row: row, column: $0)) } }
            rowTotals = table.rows.indices.map { cell(table.rowTotalIndex($0)) }
        }
        columnTotals = table.columns.indices.map { cell(table.columnTotalIndex($0)) }
        total = cell(table.totalIndex)
    }
}
