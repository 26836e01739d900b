/// `/app/admin/users/:userID/recover`: what recovering a colleague does, and the recovery key typed in.
struct AdminRecoverPage: Page {
    static let template = "admin/recover"

    let chrome: PageChrome
    let userID: String
    let recipient: String
    /// Never carries the typed key back: only the error.
    let recoveryKey: FieldState
}
