import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import SQLKit
import Vapor

/// The intake inbox: pages of the reports sealed to a staff member (only the page's rows are opened), filters, read
/// marks, replies, closing and deletion as junk by choice or by filter.
extension Intake {
    /// One page of a staff member's reports, newest first; only the page's rows are decrypted.
    func inbox(_ filter: InboxFilter, for staff: SignedInStaff, on db: any Database) async throws -> InboxListing {
        let sql = db as! any SQLDatabase
        let conditions = Self.conditions(filter, for: staff, dialect: sql.dialect.name)
        let whereClause: SQLQueryString = " WHERE " + conditions.joined(separator: " AND ")
        let total =
            try await sql.raw("SELECT COUNT(*) AS total FROM reports" + whereClause).first()?.decode(column: "total", as: Int.self) ?? 0
        let page = min(max(1, filter.page), max(1, (total + InboxFilter.pageSize - 1) / InboxFilter.pageSize))
        let ids = try await sql.raw(
            "SELECT reports.id FROM reports" + whereClause
                + " ORDER BY reports.received_at DESC LIMIT \(literal: InboxFilter.pageSize) OFFSET \(literal: (page - 1) * InboxFilter.pageSize)"
        )
        .all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return InboxListing(rows: [], total: total, page: page) }
        let reports = Dictionary(
            try await Report.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let read = Set(
            try await ReportRead.query(on: db).filter(\.$user.$id == staff.id).filter(\.$report.$id ~~ ids).all().map(\.$report.id))
        let held = try await access.held(.report, ids: ids, by: staff, on: db)
        let written = Set(
            try await ReportMessage.query(on: db).filter(\.$report.$id ~~ ids).filter(\.$author == .reporter).all().map(\.$report.id))
        let rows = try ids.compactMap { id -> InboxListing.Row? in
            guard let report = reports[id], let key = try held.key(for: id) else { return nil }
            let payload = try FieldCipher.open(report.payloadSealed, with: key, binding: Self.payloadBinding(id))
            let narrative = try JSONDecoder().decode(ReportSubmission.self, from: Data(payload.utf8)).narrative
            return InboxListing.Row(
                id: id, kind: report.kind, status: report.status, receivedAt: report.receivedAt,
                excerpt: String(narrative.prefix(140)), isUnread: !read.contains(id),
                hasNewMessages: !read.contains(id) && written.contains(id))
        }
        return InboxListing(rows: rows, total: total, page: page)
    }

    /// Every report of a staff member's matching a filter (for deletion as junk by filter).
    func matching(_ filter: InboxFilter, for staff: SignedInStaff, on db: any Database) async throws -> [UUID] {
        let sql = db as! any SQLDatabase
        let whereClause: SQLQueryString =
            " WHERE " + Self.conditions(filter, for: staff, dialect: sql.dialect.name).joined(separator: " AND ")
        return try await sql.raw("SELECT reports.id FROM reports" + whereClause).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// How many of a staff member's reports they have not opened since the reporter last wrote.
    func unreadCount(for staff: SignedInStaff, on db: any Database) async throws -> Int {
        var filter = InboxFilter()
        filter.onlyUnread = true
        let sql = db as! any SQLDatabase
        let whereClause: SQLQueryString =
            " WHERE " + Self.conditions(filter, for: staff, dialect: sql.dialect.name).joined(separator: " AND ")
        return try await sql.raw("SELECT COUNT(*) AS total FROM reports" + whereClause).first()?.decode(column: "total", as: Int.self) ?? 0
    }

    /// The filter as SQL on `reports`, always limited to the reports sealed to the staff member.
    static func conditions(_ filter: InboxFilter, for staff: SignedInStaff, dialect: String) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = [RecordAccess.heldCondition(.report, column: "reports.id", by: staff, dialect: dialect)]
        if let kind = filter.kind { conditions.append("reports.kind = \(bind: kind.rawValue)") }
        if let status = filter.status { conditions.append("reports.status = \(bind: status.rawValue)") }
        if let earliest = filter.earliest { conditions.append("reports.received_at >= \(bind: earliest)") }
        if let latest = filter.latest { conditions.append("reports.received_at < \(bind: latest)") }
        if filter.onlyNewMessages {
            conditions.append(
                "EXISTS (SELECT 1 FROM report_messages WHERE report_messages.report_id = reports.id AND report_messages.author = 'reporter')"
            )
        }
        if filter.onlyUnread || filter.onlyNewMessages {
            conditions.append(
                "NOT EXISTS (SELECT 1 FROM report_reads WHERE report_reads.report_id = reports.id AND report_reads.user_id = \(bind: staff.id))"
            )
        }
        return conditions
    }

    /// A report and its key for a staff member; 403 (audited) without a key copy, 404 when there is no such report.
    func report(_ id: UUID, for staff: SignedInStaff, reason: String, on db: any Database) async throws -> (Report, SymmetricKey) {
        guard let report = try await Report.find(id, on: db) else { throw Abort(.notFound) }
        let key = try await access.requireKey(of: .report(id), for: staff, deniedAction: "report.read.denied", reason: reason, on: db)
        return (report, key)
    }

    /// Opens a report for a staff member: marks it read, moves a new one to open, audits the reading.
    func read(_ id: UUID, for staff: SignedInStaff, reason: String, on db: any Database) async throws -> OpenedReport {
        let (report, key) = try await report(id, for: staff, reason: reason, on: db)
        let opened = try await open(report, key: key, on: db)
        try await audit.transaction(on: db) { tx, audit in
            if try await ReportRead.query(on: tx).filter(\.$report.$id == id).filter(\.$user.$id == staff.id).count() == 0 {
                try await ReportRead(reportID: id, userID: staff.id).create(on: tx)
            }
            if report.status == .new {
                report.status = .open
                try await report.save(on: tx)
            }
            try await audit.append(actor: staff.actor, action: "report.read", table: Report.schema, id: id.uuidString)
        }
        return opened
    }

    /// Opens a report for a staff member without marking anything (a form shown again).
    func peek(_ id: UUID, for staff: SignedInStaff, reason: String, on db: any Database) async throws -> OpenedReport {
        let (report, key) = try await report(id, for: staff, reason: reason, on: db)
        return try await open(report, key: key, on: db)
    }

    /// A staff member's reply in a report's thread.
    func reply(to id: UUID, text: String, by staff: SignedInStaff, reason: String, on db: any Database) async throws {
        let (_, key) = try await report(id, for: staff, reason: reason, on: db)
        try await addMessage(to: id, key: key, author: .staff, staffUserID: staff.id, text: text, on: db)
    }

    /// Closes a report (retention deletes it after the retention period without activity).
    func close(_ id: UUID, by staff: SignedInStaff, reason: String, on db: any Database) async throws {
        let (report, _) = try await report(id, for: staff, reason: reason, on: db)
        report.status = .closed
        try await audit.transaction(on: db) { tx, audit in
            try await report.save(on: tx)
            try await audit.append(actor: staff.actor, action: "report.close", table: Report.schema, id: id.uuidString)
        }
    }

    /// Deletes chosen reports as junk; refused whole when any of them is not sealed to the staff member.
    func junk(_ ids: [UUID], by staff: SignedInStaff, on db: any Database) async throws -> Bool {
        guard try await holdsAll(ids, staff, on: db) else { return false }
        try await delete(ids, actor: staff.actor, action: "report.junk", on: db)
        return true
    }

    /// Whether a staff member holds a key copy of every one of these reports.
    func holdsAll(_ ids: [UUID], _ staff: SignedInStaff, on db: any Database) async throws -> Bool {
        let held = try await access.held(.report, ids: ids, by: staff, on: db)
        return ids.allSatisfy(held.contains)
    }

    /// An attachment of a report, to stream to a staff member.
    func attachment(_ attachmentID: UUID, of reportID: UUID, for staff: SignedInStaff, reason: String, on db: any Database) async throws
        -> SealedDownload
    {
        let (_, key) = try await report(reportID, for: staff, reason: reason, on: db)
        guard
            let attachment = try await ReportAttachment.query(on: db).filter(\.$id == attachmentID).filter(\.$report.$id == reportID)
                .first()
        else { throw Abort(.notFound) }
        try await audit.append(
            on: db, actor: staff.actor, action: "report.attachment.download", table: ReportAttachment.schema, id: attachmentID.uuidString)
        return SealedDownload(
            location: files.location(attachment.storedName), key: key, binding: Self.fileBinding(attachmentID), size: attachment.size,
            fileName: "attachment-\(attachmentID.uuidString.prefix(8)).bin", contentType: nil)
    }
}
