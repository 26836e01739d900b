/// `/app/account`: change password, second-factor status.
struct AccountPage: Encodable {
    let chrome: PageChrome
    let hasSecondFactor: Bool
    var current = FieldState()
    var password = FieldState()
}

/// `/app/account/second-factor`: the secret to type into an authenticator app, and the code that proves it.
struct SecondFactorPage: Encodable {
    let chrome: PageChrome
    let isEnrolled: Bool
    let isRequired: Bool
    let secret: String
    let uri: String
    var code = FieldState()
}

/// `/app/admin/users`: every staff member with their role, status and second factor.
struct AdminUsersPage: Encodable {
    /// One user's row.
    struct Row: Encodable {
        let id: String
        let email: String
        let role: String
        let roleName: String
        let status: String
        let statusName: String
        let hasSecondFactor: Bool
        let isSelf: Bool
        let isDisabled: Bool
        let receivesIntake: Bool
    }

    /// A choice in a role menu.
    struct RoleChoice: Encodable {
        let code: String
        let name: String
    }

    let chrome: PageChrome
    let users: [Row]
    let roles: [RoleChoice]
    let requiresSecondFactor: Bool
}

/// `/app/admin/users/invite`: e-mail and role of a new staff member.
struct AdminInviteForm: Encodable {
    let chrome: PageChrome
    let roles: [AdminUsersPage.RoleChoice]
    var email = FieldState()
    var role = FieldState(value: "caseworker")
}

/// The invitation code, shown once after the invitation is made.
struct AdminInviteDonePage: Encodable {
    let chrome: PageChrome
    let email: String
    let code: String
    let welcomeURL: String
}
