import Crypto
import Fluent
import Foundation
import HavenVault
import Vapor

/// Evidence files: each has its own key, sealed under the incident's key (restricted) or the documentation key; the
/// file, its name, type and SHA-256 are sealed under the file's key. Every upload and download is in the custody log.
struct EvidenceStore: Sendable {
    let audit: AuditLog
    let files: SealedFiles

    /// Why a file is not given out.
    enum Failure: Error {
        /// A chunk no longer opens: the file was altered, reordered or cut on disk.
        case altered
    }

    static func keyBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: Evidence.schema, recordID: id.uuidString, field: "key") }
    static func aboutBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: Evidence.schema, recordID: id.uuidString, field: "about") }
    static func fileBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: Evidence.schema, recordID: id.uuidString, field: "file") }

    static func sealKey(_ fileKey: SymmetricKey, evidenceID: UUID, with containerKey: SymmetricKey) throws -> Data {
        try FieldCipher.sealKey(fileKey, with: containerKey, binding: keyBinding(evidenceID))
    }

    static func openKey(of evidence: Evidence, with containerKey: SymmetricKey) throws -> SymmetricKey {
        try FieldCipher.openKey(evidence.keySealed, with: containerKey, binding: keyBinding(evidence.requireID()))
    }

    /// A new evidence file's upload: its own key, bound to its future row, sealed as the bytes arrive.
    func beginUpload(fileName: String, contentType: String?) throws -> (upload: SealedUpload, fileKey: SymmetricKey) {
        let fileKey = SymmetricKey(size: .bits256)
        return (
            try SealedUpload(files: files, key: fileKey, binding: Self.fileBinding, fileName: fileName, contentType: contentType), fileKey
        )
    }

    /// Deletes a received file that will not be recorded.
    func discard(_ stored: SealedUpload.Stored) {
        files.delete([stored.storedName])
    }

    /// Records a finished upload as evidence of an incident (optionally of one of its sources, 400 when the source is
    /// not the incident's; `carriedFrom`: the report file it was carried from); returns the evidence id. The sealed file is deleted when the record cannot be stored.
    func add(
        _ stored: SealedUpload.Stored, fileKey: SymmetricKey, to incident: Incident, sourceID: UUID?, containerKey: SymmetricKey,
        by staff: SignedInStaff, custody: EvidenceCustody.Action = .uploaded, carriedFrom attachmentID: UUID? = nil, now: Date = Date(),
        on db: any Database
    ) async throws -> UUID {
        let id = stored.recordID
        let about = EvidenceAbout(
            fileName: String(stored.fileName.prefix(200)), contentType: Self.imageType(of: stored.head) ?? stored.contentType,
            sha256: stored.sha256)
        do {
            let incidentID = try incident.requireID()
            if let sourceID,
                try await IncidentSource.query(on: db).filter(\.$id == sourceID).filter(\.$incident.$id == incidentID).count() != 1
            {
                throw Abort(.badRequest)
            }
            let evidence = Evidence()
            evidence.id = id
            evidence.$incident.id = incidentID
            evidence.$source.id = sourceID
            evidence.storedName = stored.storedName
            evidence.keySealed = try Self.sealKey(fileKey, evidenceID: id, with: containerKey)
            evidence.aboutSealed = try FieldCipher.seal(
                String(decoding: try JSONEncoder().encode(about), as: UTF8.self), with: fileKey,
                binding: Self.aboutBinding(id))
            evidence.size = stored.size
            evidence.uploadedAt = now
            evidence.fromReportAttachmentID = attachmentID
            try await audit.transaction(on: db) { tx, audit in
                try await evidence.create(on: tx)
                try await EvidenceCustody(evidenceID: id, actorID: staff.id, action: custody, at: now).create(on: tx)
                try await audit.append(
                    actor: staff.actor, action: attachmentID == nil ? "evidence.upload" : "evidence.carry-from-report",
                    table: Evidence.schema, id: id.uuidString, at: now)
            }
        } catch {
            discard(stored)
            throw error
        }
        return id
    }

    /// An incident's evidence files, opened, with their custody logs, oldest first.
    func list(of incidentID: UUID, containerKey: SymmetricKey, on db: any Database) async throws -> [OpenedEvidence] {
        let files = try await Evidence.query(on: db).filter(\.$incident.$id == incidentID).sort(\.$uploadedAt).all()
        let custody = Dictionary(
            grouping: try await EvidenceCustody.query(on: db).filter(\.$evidence.$id ~~ files.compactMap(\.id))
                .sort(\.$happenedAt).all(), by: \.$evidence.id)
        return try files.map { file in
            let fileID = try file.requireID()
            return OpenedEvidence(
                id: fileID, about: try Self.about(file, containerKey: containerKey), size: file.size, sourceID: file.$source.id,
                custody: (custody[fileID] ?? []).map { .init(action: $0.action, actorID: $0.$actor.id, at: $0.happenedAt) })
        }
    }

    /// The image type the file's first bytes show (PNG, JPEG, GIF, WebP), whatever the browser declared; nil otherwise.
    /// Only files recognised here are ever shown inline.
    static func imageType(of file: Data) -> String? {
        let head = [UInt8](file.prefix(12))
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        if head.count == 12, head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        return nil
    }

    /// What is known about a file, opened.
    static func about(_ evidence: Evidence, containerKey: SymmetricKey) throws -> EvidenceAbout {
        let fileKey = try openKey(of: evidence, with: containerKey)
        let json = try FieldCipher.open(evidence.aboutSealed, with: fileKey, binding: aboutBinding(evidence.requireID()))
        return try JSONDecoder().decode(EvidenceAbout.self, from: Data(json.utf8))
    }

    /// Image types shown in the browser rather than downloaded (CSP and nosniff still apply to them).
    static let viewableTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]

    /// An incident's evidence file to stream to a reader (`inline`: an image shown in the browser). Every chunk is
    /// authenticated first: an altered file is refused whole (`Failure.altered`, audited) with no custody line;
    /// otherwise the download or viewing is in the custody and audit logs before the first byte goes out.
    func download(
        _ evidenceID: UUID, of incident: Incident, containerKey: SymmetricKey, by staff: SignedInStaff, inline: Bool,
        on db: any Database
    ) async throws -> SealedDownload {
        guard
            let evidence = try await Evidence.query(on: db).filter(\.$id == evidenceID).filter(\.$incident.$id == incident.requireID())
                .first()
        else { throw Abort(.notFound) }
        let fileKey = try Self.openKey(of: evidence, with: containerKey)
        let about = try Self.about(evidence, containerKey: containerKey)
        guard !inline || Self.viewableTypes.contains(about.contentType) else { throw Abort(.unsupportedMediaType) }
        let download = SealedDownload(
            location: files.location(evidence.storedName), key: fileKey, binding: Self.fileBinding(evidenceID),
            size: evidence.size, fileName: about.fileName, contentType: inline ? about.contentType : nil)
        guard download.isIntact else {
            try await audit.append(
                on: db, actor: staff.actor, action: "evidence.altered", table: Evidence.schema, id: evidenceID.uuidString)
            throw Failure.altered
        }
        try await audit.transaction(on: db) { tx, audit in
            try await EvidenceCustody(evidenceID: evidenceID, actorID: staff.id, action: inline ? .viewed : .downloaded).create(on: tx)
            try await audit.append(
                actor: staff.actor, action: inline ? "evidence.view" : "evidence.download", table: Evidence.schema,
                id: evidenceID.uuidString)
        }
        return download
    }
}
