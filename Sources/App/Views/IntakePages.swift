/// `/report`: the three ways in.
struct ReportStartPage: Encodable {
    let chrome: PageChrome
}

/// `/report/:kind`: what happened, where, when, how to reach the person, what help they need, files.
struct ReportFormPage: Encodable {
    /// A need the person can tick.
    struct NeedChoice: Encodable {
        let code: String
        let name: String
        let isChecked: Bool
    }

    let chrome: PageChrome
    let kind: String
    let kindName: String
    let asksForNeeds: Bool
    var narrative = FieldState()
    var country = FieldState()
    var city = FieldState()
    var when = FieldState()
    var contact = FieldState()
    var needs: [NeedChoice]
    var files = FieldState()
    let maximumAttachments: Int
    let maximumAttachmentMegabytes: Int
}

/// `/report/receipt`: the receipt code, shown once.
struct ReportReceiptPage: Encodable {
    let chrome: PageChrome
    let code: String
}

/// `/report/follow-up`: the code form.
struct ReportFollowUpPage: Encodable {
    let chrome: PageChrome
    var code = FieldState()
}

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
    let attachments: [Attachment]
}

/// The reporter's view of their report after entering the code.
struct ReportFollowUpThreadPage: Encodable {
    let chrome: PageChrome
    let thread: ReportThread
    /// Carried in the reply form's hidden field: the code never goes into a URL.
    let code: String
    var message = FieldState()
    var files = FieldState()
    /// Reporters see their files' names; only staff download them.
    let showsDownloads = false
}

/// `/app/inbox`: reports sealed to this staff member, newest first.
struct InboxPage: Encodable {
    /// One report's line.
    struct Row: Encodable {
        let id: String
        let kindName: String
        let statusName: String
        let receivedAt: String
        let excerpt: String
        let isUnread: Bool
    }

    let chrome: PageChrome
    let reports: [Row]
}

/// `/app/inbox/:id`: one report, opened for this staff member.
struct InboxReportPage: Encodable {
    let chrome: PageChrome
    let thread: ReportThread
    let isClosed: Bool
    var reply = FieldState()
    let showsDownloads = true
}

import Foundation
import HavenDomain
import Vapor

extension ReportThread {
    /// The thread of an opened report, in the request's language.
    /// A moment as staff and reporters read it: `2026-11-25 15:40 UTC`.
    static func format(_ date: Date) -> String {
        let dates = DateFormatter()
        dates.dateFormat = "yyyy-MM-dd HH:mm"
        dates.timeZone = TimeZone(identifier: "UTC")
        return dates.string(from: date) + " UTC"
    }

    init(_ report: OpenedReport, for request: Request) {
        let submission = report.submission
        self.init(
            id: report.id.uuidString, kindName: request.t(report.kind.labelKey), statusName: request.t(report.status.labelKey),
            status: report.status.rawValue, receivedAt: Self.format(report.receivedAt),
            narrative: submission.narrative, country: submission.country, city: submission.city, when: submission.when,
            contact: submission.contact, needs: submission.needs.map { request.t($0.labelKey) },
            messages: report.messages.map { .init(fromStaff: $0.author == .staff, body: $0.body, sentAt: Self.format($0.sentAt)) },
            attachments: report.attachments.map { .init(id: $0.id.uuidString, name: $0.name, size: ByteCountFormatter.string(fromByteCount: Int64($0.size), countStyle: .file)) })
    }
}
