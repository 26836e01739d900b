/// `/welcome`: redeem an invitation or reset code and choose a password.
struct WelcomePage: Page {
    static let template = "accounts/welcome"

    let chrome: PageChrome
    var code = FieldState()
    var newPassword: NewPasswordFields
}
