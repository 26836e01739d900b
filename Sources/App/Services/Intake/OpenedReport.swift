import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// A report opened for reading, by its reporter (with the code) or by staff (with their key).
struct OpenedReport: Sendable {
    /// One message of the thread, opened.
    struct Message: Sendable {
        let author: ReportMessage.Author
        let body: String
        let sentAt: Date
    }

    /// One attachment's name and size, opened.
    struct Attachment: Sendable {
        let id: UUID
        let name: String
        let size: Int
    }

    let id: UUID
    let kind: ReportKind
    let status: ReportStatus
    let receivedAt: Date
    let submission: ReportSubmission
    let messages: [Message]
    let attachments: [Attachment]
    let key: SymmetricKey
}
