/// `/statistics`: the latest approved release on the public site, each table with its chart and downloads.
struct PublicStatisticsPage: Page {
    static let template = "statistics/public"

    /// One table with the links to its files.
    struct Table: Encodable {
        let view: StatisticsTableView
        let index: Int
    }

    let chrome: PageChrome
    /// Nil when nothing has been approved yet.
    let number: Int?
    let period: String
    let approvedOn: String
    let method: String
    let tables: [Table]
}
