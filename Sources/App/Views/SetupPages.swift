/// `/setup`: the one-time code, the organisation and the first administrator.
struct SetupForm: Encodable {
    let chrome: PageChrome
    var code = FieldState()
    var organisation = FieldState()
    var email = FieldState()
    var password = FieldState()
}

/// `/setup/recovery-key`: the recovery key, shown once, and the confirmation that it was written down.
struct SetupRecoveryKeyPage: Encodable {
    let chrome: PageChrome
    let recoveryKey: String
    var confirmation = FieldState()
}
