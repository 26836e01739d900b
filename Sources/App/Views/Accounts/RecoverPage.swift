/// `/recover`: e-mail, personal recovery code and a new password.
struct RecoverPage: Page {
    static let template = "accounts/recover"

    let chrome: PageChrome
    let email: FieldState
    let recoveryCode: FieldState
    let newPassword: NewPasswordFields
}
