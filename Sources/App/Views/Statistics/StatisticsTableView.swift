/// One counted table as every page shows it (the staff page, the public page, the monitoring report): the caption, the
/// rows with their labels, the totals, the chart and what protected it.
struct StatisticsTableView: Encodable {
    /// One row as shown: its label, its cells (none in a one-way table), its total.
    struct Row: Encodable {
        let label: String
        let cells: [Shown]
        let total: Shown
    }

    /// A count, or the mark of a hidden one.
    struct Shown: Encodable {
        let text: String
        let isHidden: Bool
    }

    /// The prefix of this table's element ids, unique on its page (`t1`, `t2` …).
    let anchor: String
    let title: String
    let rowHeading: String
    let columnLabels: [String]
    let rows: [Row]
    let columnTotals: [Shown]
    let total: Shown
    let chart: StatisticsChart
    let chartDescription: String
    /// The method line under a protected table (the threshold, complementary suppression); empty otherwise.
    let protectionNote: String

    /// The fill of hidden marks: this table's hatching pattern.
    var hatchFill: String { "url(#\(anchor)-hatch)" }

    enum CodingKeys: String, CodingKey {
        case anchor, title, rowHeading, columnLabels, rows, columnTotals, total, chart, chartDescription, protectionNote, hatchFill
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(anchor, forKey: .anchor)
        try container.encode(title, forKey: .title)
        try container.encode(rowHeading, forKey: .rowHeading)
        try container.encode(columnLabels, forKey: .columnLabels)
        try container.encode(rows, forKey: .rows)
        try container.encode(columnTotals, forKey: .columnTotals)
        try container.encode(total, forKey: .total)
        try container.encode(chart, forKey: .chart)
        try container.encode(chartDescription, forKey: .chartDescription)
        try container.encode(protectionNote, forKey: .protectionNote)
        try container.encode(hatchFill, forKey: .hatchFill)
    }
}
