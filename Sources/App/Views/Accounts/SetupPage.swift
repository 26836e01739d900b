/// `/setup`: the one-time code, the organisation and the first administrator.
struct SetupPage: Page {
    static let template = "accounts/setup"

    let chrome: PageChrome
    var code = FieldState()
    var organisation = FieldState()
    var email = FieldState()
    var displayName = FieldState()
    var newPassword: NewPasswordFields
}
