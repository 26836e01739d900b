import Foundation

/// `/app/admin/backups`: the recovery recipient, further recipients, the schedule and the recent scheduled backups.
struct BackupsPage: Page {
    static let template = "admin/backups"

    /// A further recipient.
    struct Recipient: Encodable {
        let id: String
        let label: String
        let recipient: String
        let added: String
    }

    /// A scheduled backup.
    struct Run: Encodable {
        let started: String
        let fileName: String
        let size: String
        let succeeded: Bool
        let problem: String
    }

    let chrome: PageChrome
    let recoveryRecipient: String
    let recipients: [Recipient]
    let scheduleDirectory: String
    let kept: Int
    let runs: [Run]
    var label = FormField.text("label", label: "", maxLength: 200)
    var recipient = FormField.text("recipient", label: "", maxLength: 120)
    var password = FormField.password("password", label: "", autocomplete: "current-password")
}
