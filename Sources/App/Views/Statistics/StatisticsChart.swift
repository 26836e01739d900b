/// A chart drawn on the server as SVG from a counted table: horizontal bars for one dimension (a line when it is
/// time), stacked bars for two. Every shape's geometry is worked out here; the template only places it. A hidden count
/// is drawn as a hatched mark of its own and labelled, never as a length that would give it away.
struct StatisticsChart: Encodable {
    /// One bar (or one segment of a stacked bar, or one point of the line).
    struct Shape: Encodable {
        enum CodingKeys: String, CodingKey { case x, y, width, height, endX, style, label }
        let x: Int
        let y: Int
        let width: Int
        let height: Int
        /// Where it ends (`x + width`), where a time chart puts its point.
        var endX: Int { x + width }
        /// The palette class (`s0` … `s7`), or `hidden` for a hatched mark.
        let style: String
        /// What a reader is told about it (`Moldova: 12`).
        let label: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(x, forKey: .x)
            try container.encode(y, forKey: .y)
            try container.encode(width, forKey: .width)
            try container.encode(height, forKey: .height)
            try container.encode(endX, forKey: .endX)
            try container.encode(style, forKey: .style)
            try container.encode(label, forKey: .label)
        }
    }

    /// One row's caption at the left.
    struct Caption: Encodable {
        let y: Int
        let text: String
        let value: String
    }

    static let width = 640
    static let labelWidth = 200
    static let barArea = 380
    static let rowHeight = 24

    let kind: String
    let height: Int
    let shapes: [Shape]
    let captions: [Caption]
    /// The line through the points of a time chart (`x,y x,y …`), empty otherwise.
    let linePoints: String
    let legend: [Legend]

    /// One column's colour in a stacked chart.
    struct Legend: Encodable {
        let style: String
        let text: String
    }

    init(_ table: StatisticsTable, rowLabels: [String], columnLabels: [String], hiddenText: String) {
        let counts = table.rowTotals.map { $0.count ?? 0 }
        let largest = max(1, counts.max() ?? 1)
        func length(_ count: Int) -> Int { max(count > 0 ? 2 : 0, count * Self.barArea / largest) }
        var shapes: [Shape] = []
        var captions: [Caption] = []
        for (row, total) in table.rowTotals.enumerated() {
            let y = row * Self.rowHeight
            captions.append(Caption(y: y + 16, text: rowLabels[row], value: total.count.map(String.init) ?? hiddenText))
            guard let count = total.count else {
                shapes.append(
                    Shape(x: Self.labelWidth, y: y + 4, width: 24, height: 16, style: "hidden", label: rowLabels[row] + ": " + hiddenText))
                continue
            }
            if table.columns.isEmpty {
                shapes.append(
                    Shape(x: Self.labelWidth, y: y + 4, width: length(count), height: 16, style: "s0", label: "\(rowLabels[row]): \(count)")
                )
                continue
            }
            var x = Self.labelWidth
            for (column, cell) in table.cells[row].enumerated() {
                let label = "\(rowLabels[row]), \(columnLabels[column]): " + (cell.count.map(String.init) ?? hiddenText)
                if let value = cell.count, value > 0 {
                    shapes.append(Shape(x: x, y: y + 4, width: length(value), height: 16, style: "s\(column % 8)", label: label))
                    x += length(value)
                } else if cell.count == nil {
                    shapes.append(Shape(x: x, y: y + 4, width: 8, height: 16, style: "hidden", label: label))
                    x += 8
                }
            }
        }
        let isLine = table.columns.isEmpty && table.rowsBy.isTime && table.rows.count > 1
        linePoints =
            isLine
            ? zip(table.rowTotals.indices, table.rowTotals).compactMap { row, total in
                total.count.map { "\(Self.labelWidth + length($0)),\(row * Self.rowHeight + 12)" }
            }.joined(separator: " ") : ""
        kind = isLine ? "line" : table.columns.isEmpty ? "bars" : "stacked"
        self.shapes = shapes
        self.captions = captions
        height = max(1, table.rows.count) * Self.rowHeight
        legend = table.columns.isEmpty ? [] : columnLabels.enumerated().map { Legend(style: "s\($0.offset % 8)", text: $0.element) }
    }
}
