/// A role change that would leave records readable only with the recovery key: what would be lost, and a confirmation.
struct RoleChangePage: Page {
    static let template = "admin/role-change"

    let chrome: PageChrome
    let userID: String
    let displayName: String
    let role: String
    let roleName: String
    /// "3 cases", "12 reports" … that only this colleague holds.
    let losses: [String]
}
