import Foundation
import HavenDomain

/// The files a counted table downloads as: CSV for spreadsheets (formula-safe, `CSVTable`) and JSON, with stable codes
/// beside the labels.
extension StatisticsPageBuilder {
    /// The table as a spreadsheet reads it: codes and labels, one column per value, totals; hidden cells as on the page.
    func csv(_ table: StatisticsTable) -> CSVTable {
        let columnNames = table.columnsBy.map { _ in table.columns } ?? ["count"]
        var csv = CSVTable(
            name: "statistics", columns: [table.rowsBy.rawValue, "label"] + columnNames + (table.columnsBy == nil ? [] : ["total"]))
        for (row, code) in table.rows.enumerated() {
            let cells = table.cells[row].map { text($0, threshold: table.threshold) }
            let total = table.columnsBy == nil ? [] : [text(table.rowTotals[row], threshold: table.threshold)]
            csv.append([code, label(table.rowsBy, code)] + cells + total)
        }
        let totals = table.columnsBy == nil ? [] : table.columnTotals.map { text($0, threshold: table.threshold) }
        csv.append(["total", t("statistics_total")] + totals + [text(table.total, threshold: table.threshold)])
        return csv
    }

    /// The table as JSON: every cell with its count (null when hidden) and status.
    func json(_ table: StatisticsTable) throws -> Data {
        func cell(_ cell: StatisticsTable.Cell) -> [String: Any] {
            ["count": cell.count.map { $0 as Any } ?? NSNull(), "status": cell.status.rawValue]
        }
        let rows: [[String: Any]] = table.rows.enumerated().map { row, code in
            var entry: [String: Any] = ["code": code, "label": label(table.rowsBy, code), "total": cell(table.rowTotals[row])]
            if table.columnsBy != nil {
                entry["cells"] = zip(table.columns, table.cells[row]).map { ["column": $0].merging(cell($1)) { $1 } }
            }
            return entry
        }
        let document: [String: Any] = [
            "rows_by": table.rowsBy.rawValue, "columns_by": table.columnsBy?.rawValue ?? NSNull(),
            "columns": (table.columnsBy.map { dimension in table.columns.map { ["code": $0, "label": label(dimension, $0)] } } ?? []),
            "protected": table.threshold != nil, "threshold": table.threshold.map { $0 as Any } ?? NSNull(), "rows": rows,
            "column_totals": table.columnTotals.map(cell), "total": cell(table.total),
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
