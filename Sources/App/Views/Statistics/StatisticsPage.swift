/// `/app/statistics`: incidents counted by one dimension or two, with the incident list's filters, optionally
/// protected for sharing; the table, its chart, and links to the same table as CSV and JSON.
struct StatisticsPage: Page {
    static let template = "statistics/statistics"

    let chrome: PageChrome
    let rowsField: FormField
    let columnsField: FormField
    let countryField: FormField
    let headingField: FormField
    let fromField: FormField
    let toField: FormField
    let isProtected: Bool
    let table: StatisticsTableView
    /// The query of this table, for the CSV and JSON links.
    let queryString: String
}
