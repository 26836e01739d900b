/// `/login`.
struct LoginForm: Encodable {
    let chrome: PageChrome
    var email = FieldState()
    /// The one generic message for any failure.
    var error: String?
}

/// `/welcome`: redeem an invitation or reset code and choose a password.
struct WelcomeForm: Encodable {
    let chrome: PageChrome
    var code = FieldState()
    var password = FieldState()
}

/// `/app`: the staff dashboard.
struct DashboardPage: Encodable {
    let chrome: PageChrome
    let roleName: String
    let hasSecondFactor: Bool
    let unreadReports: Int
    let openCases: Int
    let overdueTasks: Int
    let runsCases: Bool
}
