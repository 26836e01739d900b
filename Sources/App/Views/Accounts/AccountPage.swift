/// `/app/account`: the name colleagues see, the password, the second factor's status.
struct AccountPage: Page {
    static let template = "accounts/account"

    let chrome: PageChrome
    let hasSecondFactor: Bool
    var displayName: FormField
    var current: FormField
    var newPassword: NewPasswordFields
}
