import Foundation
import HavenDomain
import Vapor

/// A report's thread as the reporter or staff sees it.
struct ReportThread: Encodable {
    /// One message.
    struct Message: Encodable {
        let fromStaff: Bool
        let body: String
        let sentAt: String
    }

    /// One attachment.
    struct Attachment: Encodable {
        let id: String
        let name: String
        let size: String
        /// Already carried into the incident shown as evidence.
        var isCarried = false
    }

    let id: String
    let kindName: String
    let statusName: String
    let status: String
    let receivedAt: String
    let narrative: String
    let country: String
    let city: String
    let when: String
    let contact: String
    let needs: [String]
    let messages: [Message]
    var attachments: [Attachment]
    /// Where the files are downloaded from (`…/attachments`): the inbox, or the case or incident the report led to.
    var filesPath = ""
    /// Where files are carried into an incident's evidence from (`…/attachments`); empty where they cannot be.
    var carryPath = ""
}

extension ReportThread {
    /// The thread of an opened report, in the request's language; files download from `filesPath` (the inbox's by
    /// default).
    init(_ report: OpenedReport, for request: Request, filesPath: String? = nil) {
        let submission = report.submission
        self.init(
            id: report.id.uuidString, kindName: request.t(report.kind.labelKey), statusName: request.t(report.status.labelKey),
            status: report.status.rawValue, receivedAt: request.moment(report.receivedAt),
            narrative: submission.narrative, country: submission.country, city: submission.city, when: submission.when,
            contact: submission.contact, needs: submission.needs.map { request.t($0.labelKey) },
            messages: report.messages.map { .init(fromStaff: $0.author == .staff, body: $0.body, sentAt: request.moment($0.sentAt)) },
            attachments: report.attachments.map {
                .init(
                    id: $0.id.uuidString, name: $0.name, size: request.size($0.size))
            }, filesPath: filesPath ?? "/app/inbox/\(report.id.uuidString)/attachments")
    }
}
