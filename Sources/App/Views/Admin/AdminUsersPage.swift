/// `/app/admin/users`: every staff member with their name, role, status and second factor.
struct AdminUsersPage: Page {
    static let template = "admin/users"

    /// One user's row.
    struct Row: Encodable {
        let id: String
        let email: String
        let displayName: String
        let role: String
        let roleName: String
        let status: String
        let statusName: String
        let hasSecondFactor: Bool
        let isSelf: Bool
        let isDisabled: Bool
        let receivesIntake: Bool
        /// Only intake roles receive reports.
        let mayReceiveIntake: Bool
    }

    let chrome: PageChrome
    let users: [Row]
    let roles: [Choice]
    let requiresSecondFactor: Bool
}
