/// `/app/account`: the name colleagues see, the password, the second factor's status and backup codes, the personal
/// recovery code.
struct AccountPage: Page {
    static let template = "accounts/account"

    let chrome: PageChrome
    let hasSecondFactor: Bool
    /// Unused second-factor backup codes.
    let backupCodesLeft: Int
    var displayName: FormField
    var current: FormField
    var newPassword: NewPasswordFields
    /// Where notices by e-mail go (empty: none), and whether the organisation has a mail server for them.
    var noticeAddress: FormField
    let noticesConfigured: Bool
}
