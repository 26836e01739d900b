import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// A file as it arrived in a form, before sealing.
struct IncomingFile: Sendable {
    let name: String
    let contentType: String
    let data: Data
}

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

/// Anonymous intake: sealing reports and messages, opening them with a receipt code or a staff key.
enum Intake {
    static func payloadBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: Report.schema, recordID: id.uuidString, field: "payload") }
    static func messageBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: ReportMessage.schema, recordID: id.uuidString, field: "body") }
    static func metaBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: ReportAttachment.schema, recordID: id.uuidString, field: "meta") }
    static func fileBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: ReportAttachment.schema, recordID: id.uuidString, field: "file") }

    /// A new report's id and key, made before its form is read so its files can be sealed as they arrive.
    struct NewReport: Sendable {
        let id = UUID()
        let key = SymmetricKey(size: .bits256)
    }

    /// Seals and stores a new report with its files (already sealed under `report.key`); returns the receipt code, shown
    /// once. Nothing is stored, and the files are deleted, if any step fails.
    static func submit(app: Application, db: any Database, submission: ReportSubmission, report new: NewReport,
                       attachments: [SealedUpload.Stored], now: Date = Date()) async throws -> HumanCode {
        let files = SealedFiles(dataDirectory: app.haven.configuration.dataDirectory)
        guard let organisation = try await Organisation.current(on: db) else {
            files.delete(attachments.map(\.storedName))
            throw Abort(.serviceUnavailable, reason: "Haven is not set up yet.")
        }
        let reportID = new.id
        let key = new.key
        let code = HumanCode.random()
        let recipients = try await User.query(on: db).filter(\.$receivesIntake == true).filter(\.$status != .disabled).all()
            .filter { $0.role.triagesIntake }
        let grants = try recipients.map { user in
            try KeyGrant.sealing(key, table: Report.schema, recordID: reportID.uuidString, holder: user.requireID(), publicKey: user.publicKey)
        } + [try KeyGrant.sealing(key, table: Report.schema, recordID: reportID.uuidString, holder: nil, publicKey: organisation.recoveryPublicKey)]
        let payload = String(decoding: try JSONEncoder().encode(submission), as: UTF8.self)
        let report = Report(id: reportID, kind: submission.kind, receiptLookup: Receipt.lookup(code, key: app.haven.receiptKey),
                            receiptSealedKey: try Receipt.sealReportKey(key, code: code, reportID: reportID.uuidString),
                            payloadSealed: try FieldCipher.seal(payload, with: key, binding: payloadBinding(reportID)), at: now)
        try await storeWithFiles(app: app, db: db, attachments: attachments, reportID: reportID, messageID: nil, key: key) { tx, audit in
            try await report.create(on: tx)
            try await grants.create(on: tx)
            try await audit.append(actor: "anonymous", action: "report.submit", table: Report.schema, id: reportID.uuidString, at: now)
        }
        return code
    }

    /// Seals files that are already in memory under a report's key (tests and the demo; forms stream theirs).
    static func seal(_ files: [IncomingFile], key: SymmetricKey, app: Application) throws -> [SealedUpload.Stored] {
        let store = SealedFiles(dataDirectory: app.haven.configuration.dataDirectory)
        var sealed: [SealedUpload.Stored] = []
        do {
            for file in files {
                sealed.append(try SealedUpload.seal(file.data, files: store, key: key, binding: fileBinding, fileName: file.name,
                                                    contentType: file.contentType))
            }
        } catch {
            store.delete(sealed.map(\.storedName))
            throw error
        }
        return sealed
    }

    /// `submit` with files in memory.
    static func submit(app: Application, db: any Database, submission: ReportSubmission, files: [IncomingFile],
                       now: Date = Date()) async throws -> HumanCode {
        let new = NewReport()
        return try await submit(app: app, db: db, submission: submission, report: new, attachments: try seal(files, key: new.key, app: app), now: now)
    }

    /// Adds a message (and files already sealed under the report's key) to a report's thread.
    static func addMessage(app: Application, db: any Database, reportID: UUID, key: SymmetricKey, author: ReportMessage.Author,
                           staffUserID: UUID?, text: String, attachments: [SealedUpload.Stored] = [], now: Date = Date()) async throws {
        let messageID = UUID()
        let message = ReportMessage(id: messageID, reportID: reportID, author: author, staffUserID: staffUserID,
                                    bodySealed: try FieldCipher.seal(text, with: key, binding: messageBinding(messageID)), at: now)
        try await storeWithFiles(app: app, db: db, attachments: attachments, reportID: reportID, messageID: messageID, key: key) { tx, audit in
            try await message.create(on: tx)
            try await Report.query(on: tx).filter(\.$id == reportID).set(\.$lastActivityAt, to: now).update()
            if author == .reporter {
                try await ReportRead.query(on: tx).filter(\.$report.$id == reportID).delete()
            }
            try await audit.append(actor: staffUserID?.uuidString ?? "anonymous", action: "report.message.\(author.rawValue)",
                                   table: Report.schema, id: reportID.uuidString, at: now)
        }
    }

    /// Runs `rows` in a transaction with the attachment rows of files already sealed; on any failure removes the files.
    private static func storeWithFiles(app: Application, db: any Database, attachments stored: [SealedUpload.Stored], reportID: UUID,
                                       messageID: UUID?, key: SymmetricKey,
                                       rows: @escaping @Sendable (any Database, AuditWriter) async throws -> Void) async throws {
        let files = SealedFiles(dataDirectory: app.haven.configuration.dataDirectory)
        do {
            let attachments = try stored.map { file in
                let meta = String(decoding: try JSONEncoder().encode([file.fileName, file.contentType]), as: UTF8.self)
                return ReportAttachment(id: file.recordID, reportID: reportID, messageID: messageID, storedName: file.storedName,
                                        metaSealed: try FieldCipher.seal(meta, with: key, binding: metaBinding(file.recordID)), size: file.size)
            }
            try await app.haven.audit.transaction(on: db) { tx, audit in
                try await rows(tx, audit)
                try await attachments.create(on: tx)
            }
        } catch {
            files.delete(stored.map(\.storedName))
            throw error
        }
    }

    /// The report a receipt code belongs to, opened; nil for any code that is not one (one answer for all).
    static func open(app: Application, db: any Database, code: HumanCode) async throws -> OpenedReport? {
        guard code.normalized.count >= 20,
              let report = try await Report.query(on: db).filter(\.$receiptLookup == Receipt.lookup(code, key: app.haven.receiptKey)).first(),
              let key = try? Receipt.openReportKey(report.receiptSealedKey, code: code, reportID: report.requireID().uuidString)
        else { return nil }
        return try await open(report, key: key, db: db)
    }

    /// Opens a report's payload, thread and attachment names with its key.
    static func open(_ report: Report, key: SymmetricKey, db: any Database) async throws -> OpenedReport {
        let id = try report.requireID()
        let payload = try FieldCipher.open(report.payloadSealed, with: key, binding: payloadBinding(id))
        let submission = try JSONDecoder().decode(ReportSubmission.self, from: Data(payload.utf8))
        let messages = try await ReportMessage.query(on: db).filter(\.$report.$id == id).sort(\.$sentAt).all().map { message in
            OpenedReport.Message(author: message.author, body: try FieldCipher.open(message.bodySealed, with: key, binding: messageBinding(message.requireID())),
                                 sentAt: message.sentAt)
        }
        let attachments = try await ReportAttachment.query(on: db).filter(\.$report.$id == id).all().map { attachment in
            let attachmentID = try attachment.requireID()
            let meta = try FieldCipher.open(attachment.metaSealed, with: key, binding: metaBinding(attachmentID))
            let fields = try JSONDecoder().decode([String].self, from: Data(meta.utf8))
            return OpenedReport.Attachment(id: attachmentID, name: fields.first ?? "file", size: attachment.size)
        }
        return OpenedReport(id: id, kind: report.kind, status: report.status, receivedAt: report.receivedAt,
                            submission: submission, messages: messages, attachments: attachments, key: key)
    }

    /// Deletes reports irreversibly: rows, key copies and sealed files; one audit entry each.
    static func delete(app: Application, db: any Database, reportIDs: [UUID], actor: String, action: String) async throws {
        guard !reportIDs.isEmpty else { return }
        let stored = try await ReportAttachment.query(on: db).filter(\.$report.$id ~~ reportIDs).all().map(\.storedName)
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await KeyGrant.query(on: tx).filter(\.$recordTable == Report.schema).filter(\.$recordID ~~ reportIDs.map(\.uuidString)).delete()
            try await ReportAttachment.query(on: tx).filter(\.$report.$id ~~ reportIDs).delete()
            try await ReportMessage.query(on: tx).filter(\.$report.$id ~~ reportIDs).delete()
            try await ReportRead.query(on: tx).filter(\.$report.$id ~~ reportIDs).delete()
            try await Report.query(on: tx).filter(\.$id ~~ reportIDs).delete()
            for id in reportIDs {
                try await audit.append(actor: actor, action: action, table: Report.schema, id: id.uuidString)
            }
        }
        SealedFiles(dataDirectory: app.haven.configuration.dataDirectory).delete(stored)
        await RemovedTextScrubber.scrub(db, logger: app.logger)
    }
}
