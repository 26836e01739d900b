/// Codes shown once, right after they are made, for the user to keep on paper: a personal recovery code, or the ten
/// second-factor backup codes.
struct SecretCodesPage: Page {
    static let template = "accounts/codes"

    let chrome: PageChrome
    /// What the codes are and how they are used (localised).
    let intro: String
    let codes: [GroupedCode]
    /// Where to go on, and the link's text.
    let continuePath: String
    let continueLabel: String
}
