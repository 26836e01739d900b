/// `/login`: e-mail, password, and a second factor's code when enrolled.
struct LoginPage: Page {
    static let template = "accounts/login"

    let chrome: PageChrome
    var email = FieldState()
    /// The one generic message for any failure.
    var error: String?
}
