import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// What anonymous reports led to, and their threads and files for the people working on those records. A case, or a
/// restricted incident, made from a report holds the report's key sealed under its own key: whoever is given the case
/// (or the incident) reads and answers the thread, and loses it with their copy. Files are carried into an incident's
/// evidence as sealed copies, so deleting the report later takes nothing from the evidence.
struct ReportHandover: Sendable {
    let audit: AuditLog
    let access: RecordAccess
    let intake: Intake
    let evidence: EvidenceStore
    let files: SealedFiles

    static func keyBinding(_ linkID: UUID) -> FieldBinding {
        FieldBinding(table: ReportLink.schema, recordID: linkID.uuidString, field: "key")
    }

    /// A report's key reached through a record made from it, or the staff member's own copy.
    struct ReachedReport: Sendable {
        let reportID: UUID
        let key: SymmetricKey
    }

    // MARK: Linking (inside the caller's transaction)

    /// Records that `record` was made from a report; with `recordKey` the report's key is sealed under it, so the
    /// record's holders get the thread.
    func link(
        _ reportID: UUID, reportKey: SymmetricKey, to record: SealedRecord, sharedWith recordKey: SymmetricKey?, now: Date = Date(),
        on tx: any Database
    ) async throws {
        guard let recordID = UUID(uuidString: record.id) else { return }
        guard
            try await ReportLink.query(on: tx).filter(\.$report.$id == reportID).filter(\.$recordTable == record.kind.table)
                .filter(\.$recordID == recordID).count() == 0
        else { return }
        let linkID = UUID()
        let sealed = try recordKey.map { try FieldCipher.sealKey(reportKey, with: $0, binding: Self.keyBinding(linkID)) }
        try await ReportLink(id: linkID, reportID: reportID, recordTable: record.kind.table, recordID: recordID, keySealed: sealed, at: now)
            .create(on: tx)
    }

    /// Links an incident just made from a report the staff member holds; its key is shared when the incident is
    /// restricted (its holders then read the thread), otherwise the thread stays with the report's own holders.
    func link(_ reportID: UUID, to incident: Incident, keys: DocumentationKeys, by staff: SignedInStaff, on db: any Database)
        async throws
    {
        guard let reportKey = try await access.key(of: .report(reportID), for: staff, on: db) else { return }
        let incidentID = try incident.requireID()
        try await audit.transaction(on: db) { tx, audit in
            try await link(reportID, reportKey: reportKey, to: .incident(incidentID), sharedWith: keys.incident, on: tx)
            try await audit.append(
                actor: staff.actor, action: "report.link.incident", table: Report.schema, id: reportID.uuidString)
        }
    }

    /// Forgets the links of records that are deleted or erased.
    static func unlink(_ record: SealedRecord, on tx: any Database) async throws {
        guard let recordID = UUID(uuidString: record.id) else { return }
        try await ReportLink.query(on: tx).filter(\.$recordTable == record.kind.table).filter(\.$recordID == recordID).delete()
    }

    // MARK: Reading

    /// What a report led to, for its page: cases and incidents by code, oldest first.
    func outcomes(of reportID: UUID, on db: any Database) async throws -> [ReportOutcome] {
        let links = try await ReportLink.query(on: db).filter(\.$report.$id == reportID).sort(\.$linkedAt).all()
        let caseIDs = links.filter { $0.recordTable == Case.schema }.map(\.recordID)
        let incidentIDs = links.filter { $0.recordTable == Incident.schema }.map(\.recordID)
        let cases = try await caseIDs.isEmpty ? [] : Case.query(on: db).filter(\.$id ~~ caseIDs).all()
        let incidents = try await incidentIDs.isEmpty ? [] : Incident.query(on: db).filter(\.$id ~~ incidentIDs).all()
        let caseCodes = Dictionary(cases.compactMap { c in c.id.map { ($0, c.code) } }, uniquingKeysWith: { a, _ in a })
        let incidentCodes = Dictionary(incidents.compactMap { i in i.id.map { ($0, i.code) } }, uniquingKeysWith: { a, _ in a })
        return links.compactMap { link in
            if let code = caseCodes[link.recordID] { return ReportOutcome(isCase: true, code: code) }
            if let code = incidentCodes[link.recordID] { return ReportOutcome(isCase: false, code: code) }
            return nil
        }
    }

    /// The report a record was made from, reached through the record's key or, failing that, the staff member's own
    /// copy of the report's key; nil when there is none or neither opens it.
    func reach(from record: SealedRecord, recordKey: SymmetricKey?, for staff: SignedInStaff, on db: any Database) async throws
        -> ReachedReport?
    {
        guard let recordID = UUID(uuidString: record.id) else { return nil }
        let links = try await ReportLink.query(on: db).filter(\.$recordTable == record.kind.table).filter(\.$recordID == recordID)
            .sort(\.$linkedAt).all()
        for link in links {
            let reportID = link.$report.id
            if let recordKey, let sealed = link.keySealed {
                let key = try FieldCipher.openKey(sealed, with: recordKey, binding: Self.keyBinding(link.requireID()))
                return ReachedReport(reportID: reportID, key: key)
            }
            if let own = try await access.key(of: .report(reportID), for: staff, on: db) {
                return ReachedReport(reportID: reportID, key: own)
            }
        }
        return nil
    }

    /// The thread of the report a record was made from, for a page of that record (the reading is audited).
    func thread(of record: SealedRecord, recordKey: SymmetricKey?, for staff: SignedInStaff, on db: any Database) async throws
        -> OpenedReport?
    {
        guard let reached = try await reach(from: record, recordKey: recordKey, for: staff, on: db),
            let report = try await Report.find(reached.reportID, on: db)
        else { return nil }
        try await audit.append(
            on: db, actor: staff.actor, action: "report.read.via-\(record.kind.table)", table: Report.schema,
            id: reached.reportID.uuidString)
        return try await intake.open(report, key: reached.key, on: db)
    }

    /// Which of a report's files are already evidence of an incident.
    func carried(into incidentID: UUID, on db: any Database) async throws -> Set<UUID> {
        Set(try await Evidence.query(on: db).filter(\.$incident.$id == incidentID).all().compactMap(\.fromReportAttachmentID))
    }

    // MARK: Writing

    /// A reply in the thread of the report a record was made from, by someone working on the record; 404 when the
    /// record has no thread they can reach.
    func reply(
        through record: SealedRecord, recordKey: SymmetricKey?, text: String, by staff: SignedInStaff, on db: any Database
    ) async throws {
        guard let reached = try await reach(from: record, recordKey: recordKey, for: staff, on: db),
            try await Report.find(reached.reportID, on: db) != nil
        else { throw Abort(.notFound) }
        try await intake.addMessage(
            to: reached.reportID, key: reached.key, author: .staff, staffUserID: staff.id, text: text, on: db)
    }

    /// One of the report's files, to stream to someone working on a record made from it.
    func attachment(
        _ attachmentID: UUID, through record: SealedRecord, recordKey: SymmetricKey?, by staff: SignedInStaff, on db: any Database
    ) async throws -> SealedDownload {
        let (reached, attachment) = try await file(attachmentID, through: record, recordKey: recordKey, by: staff, on: db)
        try await audit.append(
            on: db, actor: staff.actor, action: "report.attachment.download", table: ReportAttachment.schema,
            id: attachmentID.uuidString)
        return SealedDownload(
            location: files.location(attachment.storedName), key: reached.key, binding: Intake.fileBinding(attachmentID),
            size: attachment.size, fileName: "attachment-\(attachmentID.uuidString.prefix(8)).bin", contentType: nil)
    }

    /// Carries one of the report's files into an incident made from it as evidence: opened chunk by chunk with the
    /// report's key and sealed again under a new evidence key (never whole in memory, never in clear on disk), hashed,
    /// with the custody line "received from anonymous report". Carrying a file twice gives the same evidence.
    func carry(
        _ attachmentID: UUID, into incident: Incident, keys: DocumentationKeys, by staff: SignedInStaff, on db: any Database
    ) async throws -> UUID {
        let incidentID = try incident.requireID()
        if let existing = try await Evidence.query(on: db).filter(\.$incident.$id == incidentID)
            .filter(\.$fromReportAttachmentID == attachmentID).first()
        {
            return try existing.requireID()
        }
        let (reached, attachment) = try await file(
            attachmentID, through: .incident(incidentID), recordKey: keys.incident, by: staff, on: db)
        let name = try Intake.name(of: attachment, key: reached.key)
        var reader = try SealedFileReader(
            url: files.location(attachment.storedName), key: reached.key, binding: Intake.fileBinding(attachmentID))
        var (upload, fileKey) = try evidence.beginUpload(fileName: name, contentType: nil)
        do {
            while let chunk = try reader.next() { try upload.append(ArraySlice(chunk)) }
        } catch {
            upload.abandon()
            throw EvidenceStore.Failure.altered
        }
        let stored = try upload.finish()
        return try await evidence.add(
            stored, fileKey: fileKey, to: incident, sourceID: nil, containerKey: keys.container, by: staff, custody: .received,
            carriedFrom: attachmentID, on: db)
    }

    /// A report file reached through a record made from the report; 404 when the record has no such file.
    private func file(
        _ attachmentID: UUID, through record: SealedRecord, recordKey: SymmetricKey?, by staff: SignedInStaff, on db: any Database
    ) async throws -> (ReachedReport, ReportAttachment) {
        guard let reached = try await reach(from: record, recordKey: recordKey, for: staff, on: db),
            let attachment = try await ReportAttachment.query(on: db).filter(\.$id == attachmentID)
                .filter(\.$report.$id == reached.reportID).first()
        else { throw Abort(.notFound) }
        return (reached, attachment)
    }
}
