/// `/app/statistics/releases`: every release (number, period, threshold, made, approved) and the form for a new one.
struct StatisticsReleasesPage: Page {
    static let template = "statistics/releases"

    /// One release in the list.
    struct Row: Encodable {
        let number: Int
        let period: String
        let threshold: Int
        let made: String
        let state: String
    }

    let chrome: PageChrome
    let rows: [Row]
    var from: FormField
    var to: FormField
    var threshold: FormField
    /// A problem with the whole form (the period or the threshold refused).
    var problem: String?
}
