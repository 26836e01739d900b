/// `/setup/recovery-key`: the recovery key, shown once, and the confirmation that it was written down.
struct SetupRecoveryKeyPage: Page {
    static let template = "accounts/setup-recovery-key"

    let chrome: PageChrome
    let recoveryKey: GroupedCode
    var confirmation = FieldState()
}
