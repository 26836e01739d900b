/// `/app/statistics/releases/:number`: one release's tables as the public will see them, what changed since the
/// release approved before it, and (for an administrator, while a draft) the approval button.
struct StatisticsReleasePage: Page {
    static let template = "statistics/release"

    let chrome: PageChrome
    let number: Int
    let period: String
    let threshold: Int
    /// "Draft" or "Approved by … on …".
    let state: String
    let canApprove: Bool
    /// Against which release the changes are listed (nil for the first approved one).
    let comparedWith: Int?
    let changes: [String]
    let tables: [StatisticsTableView]
}
