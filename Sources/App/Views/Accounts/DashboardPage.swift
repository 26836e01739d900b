/// `/app`: the staff dashboard, what waits for this person.
struct DashboardPage: Page {
    static let template = "accounts/dashboard"

    let chrome: PageChrome
    let roleName: String
    let hasSecondFactor: Bool
    let hasDisplayName: Bool
    let unreadReports: Int
    let openCases: Int
    let overdueTasks: Int
    let triagesIntake: Bool
    let runsCases: Bool
    /// Administrators only: the last scheduled backup failed.
    let backupFailed: Bool
    /// For administrators while the public about page is empty: a prompt to present the organisation.
    let siteUnwritten: Bool
    /// What waits for this person, each with its label, count and link.
    var waiting: [Waiting] = []

    /// One line of the waiting list.
    struct Waiting: Encodable {
        let label: String
        let count: Int
        let path: String
    }
}
