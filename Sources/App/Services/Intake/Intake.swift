import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// Anonymous intake: sealing reports and messages, opening them with a receipt code or a staff key, deleting them.
struct Intake: Sendable {
    let audit: AuditLog
    let access: RecordAccess
    let files: SealedFiles
    let receiptKey: SymmetricKey
    let scrubber: RemovedTextScrubber

    static func payloadBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: Report.schema, recordID: id.uuidString, field: "payload") }
    static func messageBinding(_ id: UUID) -> FieldBinding {
        FieldBinding(table: ReportMessage.schema, recordID: id.uuidString, field: "body")
    }
    static func metaBinding(_ id: UUID) -> FieldBinding {
        FieldBinding(table: ReportAttachment.schema, recordID: id.uuidString, field: "meta")
    }
    static func fileBinding(_ id: UUID) -> FieldBinding {
        FieldBinding(table: ReportAttachment.schema, recordID: id.uuidString, field: "file")
    }

    /// A new report's id and key, made before its form is read so its files can be sealed as they arrive.
    struct NewReport: Sendable {
        let id = UUID()
        let key = SymmetricKey(size: .bits256)
    }

    /// Seals and stores a new report with its files (already sealed under `report.key`); returns the receipt code, shown
    /// once. The report's key is sealed to every staff member who receives intake and whose role may hold reports, and
    /// to the recovery key. Nothing is stored, and the files are deleted, if any step fails.
    func submit(
        _ submission: ReportSubmission, report new: NewReport, attachments: [SealedUpload.Stored], now: Date = Date(),
        on db: any Database
    ) async throws -> HumanCode {
        let code = HumanCode.random()
        let recipients = try await User.query(on: db).filter(\.$receivesIntake == true).filter(\.$status != .disabled).all()
            .filter { RecordKind.report.mayBeHeld(by: $0.role) }.map { (id: try $0.requireID(), publicKey: $0.publicKey) }
        let payload = String(decoding: try JSONEncoder().encode(submission), as: UTF8.self)
        let report = Report(
            id: new.id, kind: submission.kind, receiptLookup: Receipt.lookup(code, key: receiptKey),
            receiptSealedKey: try Receipt.sealReportKey(new.key, code: code, reportID: new.id.uuidString),
            payloadSealed: try FieldCipher.seal(payload, with: new.key, binding: Self.payloadBinding(new.id)), at: now)
        try await storeWithFiles(attachments, reportID: new.id, messageID: nil, key: new.key, on: db) { tx, audit in
            try await report.create(on: tx)
            try await access.seal(new.key, of: .report(new.id), to: recipients, on: tx)
            try await audit.append(actor: "anonymous", action: "report.submit", table: Report.schema, id: new.id.uuidString, at: now)
        }
        return code
    }

    /// Seals files that are already in memory under a report's key (tests and the demo; forms stream theirs).
    func seal(_ incoming: [IncomingFile], key: SymmetricKey) throws -> [SealedUpload.Stored] {
        var sealed: [SealedUpload.Stored] = []
        do {
            for file in incoming {
                sealed.append(
                    try SealedUpload.seal(
                        file.data, files: files, key: key, binding: Self.fileBinding, fileName: file.name,
                        contentType: file.contentType))
            }
        } catch {
            files.delete(sealed.map(\.storedName))
            throw error
        }
        return sealed
    }

    /// `submit` with files in memory.
    func submit(_ submission: ReportSubmission, files incoming: [IncomingFile] = [], now: Date = Date(), on db: any Database) async throws
        -> HumanCode
    {
        let new = NewReport()
        return try await submit(submission, report: new, attachments: try seal(incoming, key: new.key), now: now, on: db)
    }

    /// Adds a message (and files already sealed under the report's key) to a report's thread.
    func addMessage(
        to reportID: UUID, key: SymmetricKey, author: ReportMessage.Author, staffUserID: UUID?, text: String,
        attachments: [SealedUpload.Stored] = [], now: Date = Date(), on db: any Database
    ) async throws {
        let messageID = UUID()
        let message = ReportMessage(
            id: messageID, reportID: reportID, author: author, staffUserID: staffUserID,
            bodySealed: try FieldCipher.seal(text, with: key, binding: Self.messageBinding(messageID)), at: now)
        try await storeWithFiles(attachments, reportID: reportID, messageID: messageID, key: key, on: db) { tx, audit in
            try await message.create(on: tx)
            try await Report.query(on: tx).filter(\.$id == reportID).set(\.$lastActivityAt, to: now).update()
            if author == .reporter {
                try await ReportRead.query(on: tx).filter(\.$report.$id == reportID).delete()
            }
            try await audit.append(
                actor: staffUserID?.uuidString ?? "anonymous", action: "report.message.\(author.rawValue)",
                table: Report.schema, id: reportID.uuidString, at: now)
        }
    }

    /// Runs `rows` in a transaction with the attachment rows of files already sealed; on any failure removes the files.
    private func storeWithFiles(
        _ stored: [SealedUpload.Stored], reportID: UUID, messageID: UUID?, key: SymmetricKey, on db: any Database,
        rows: @escaping @Sendable (any Database, AuditWriter) async throws -> Void
    ) async throws {
        do {
            let attachments = try stored.map { file in
                let meta = String(decoding: try JSONEncoder().encode([file.fileName, file.contentType]), as: UTF8.self)
                return ReportAttachment(
                    id: file.recordID, reportID: reportID, messageID: messageID, storedName: file.storedName,
                    metaSealed: try FieldCipher.seal(meta, with: key, binding: Self.metaBinding(file.recordID)), size: file.size)
            }
            try await audit.transaction(on: db) { tx, audit in
                try await rows(tx, audit)
                try await attachments.create(on: tx)
            }
        } catch {
            files.delete(stored.map(\.storedName))
            throw error
        }
    }

    /// The report a receipt code belongs to, opened; nil for any code that is not one (one answer for all).
    func open(code: HumanCode, on db: any Database) async throws -> OpenedReport? {
        guard code.normalized.count >= 20,
            let report = try await Report.query(on: db).filter(\.$receiptLookup == Receipt.lookup(code, key: receiptKey)).first(),
            let key = try? Receipt.openReportKey(report.receiptSealedKey, code: code, reportID: report.requireID().uuidString)
        else { return nil }
        return try await open(report, key: key, on: db)
    }

    /// Opens a report's payload, thread and attachment names with its key.
    func open(_ report: Report, key: SymmetricKey, on db: any Database) async throws -> OpenedReport {
        let id = try report.requireID()
        let payload = try FieldCipher.open(report.payloadSealed, with: key, binding: Self.payloadBinding(id))
        let submission = try JSONDecoder().decode(ReportSubmission.self, from: Data(payload.utf8))
        let messages = try await ReportMessage.query(on: db).filter(\.$report.$id == id).sort(\.$sentAt).all().map { message in
            OpenedReport.Message(
                author: message.author,
                body: try FieldCipher.open(message.bodySealed, with: key, binding: Self.messageBinding(message.requireID())),
                sentAt: message.sentAt)
        }
        let attachments = try await ReportAttachment.query(on: db).filter(\.$report.$id == id).all().map { attachment in
            OpenedReport.Attachment(id: try attachment.requireID(), name: try Self.name(of: attachment, key: key), size: attachment.size)
        }
        return OpenedReport(
            id: id, kind: report.kind, status: report.status, receivedAt: report.receivedAt,
            submission: submission, messages: messages, attachments: attachments, key: key)
    }

    /// The name an attachment was sent with, opened with its report's key.
    static func name(of attachment: ReportAttachment, key: SymmetricKey) throws -> String {
        let meta = try FieldCipher.open(attachment.metaSealed, with: key, binding: metaBinding(attachment.requireID()))
        return try JSONDecoder().decode([String].self, from: Data(meta.utf8)).first ?? "file"
    }

    /// Opens a report again after a change (the reporter's view after they wrote).
    func reopen(_ opened: OpenedReport, on db: any Database) async throws -> OpenedReport {
        guard let record = try await Report.find(opened.id, on: db) else { throw Abort(.notFound) }
        return try await open(record, key: opened.key, on: db)
    }

    /// Closed reports without activity since `cutoff` (retention).
    func expired(before cutoff: Date, on db: any Database) async throws -> [UUID] {
        try await Report.query(on: db).filter(\.$status == .closed).filter(\.$lastActivityAt < cutoff).all().map { try $0.requireID() }
    }

    /// Deletes reports irreversibly: rows, key copies and sealed files; one audit entry each; the write-ahead log is
    /// scrubbed afterwards.
    func delete(_ reportIDs: [UUID], actor: String, action: String, on db: any Database) async throws {
        guard !reportIDs.isEmpty else { return }
        for batch in stride(from: 0, to: reportIDs.count, by: 500).map({ Array(reportIDs[$0..<min($0 + 500, reportIDs.count)]) }) {
            let stored = try await ReportAttachment.query(on: db).filter(\.$report.$id ~~ batch).all().map(\.storedName)
            try await audit.transaction(on: db) { tx, audit in
                try await access.forget(batch.map(SealedRecord.report), on: tx)
                try await ReportAttachment.query(on: tx).filter(\.$report.$id ~~ batch).delete()
                try await ReportMessage.query(on: tx).filter(\.$report.$id ~~ batch).delete()
                try await ReportRead.query(on: tx).filter(\.$report.$id ~~ batch).delete()
                try await ReportLink.query(on: tx).filter(\.$report.$id ~~ batch).delete()
                try await Report.query(on: tx).filter(\.$id ~~ batch).delete()
                for id in batch { try await audit.append(actor: actor, action: action, table: Report.schema, id: id.uuidString) }
            }
            files.delete(stored)
        }
        await scrubber.scrub(db)
    }
}
