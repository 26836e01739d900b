import Crypto
import Fluent
import Foundation
import HavenVault
import Vapor

/// Evidence files: each has its own key, sealed under the incident's key (restricted) or the documentation key; the
/// file, its name, type and SHA-256 are sealed under the file's key. Every upload and download is in the custody log.
enum EvidenceStore {
    static func keyBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: Evidence.schema, recordID: id.uuidString, field: "key") }
    static func aboutBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: Evidence.schema, recordID: id.uuidString, field: "about") }
    static func fileBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: Evidence.schema, recordID: id.uuidString, field: "file") }

    static func sealKey(_ fileKey: SymmetricKey, evidenceID: UUID, with containerKey: SymmetricKey) throws -> Data {
        try FieldCipher.seal(fileKey.withUnsafeBytes { Data($0) }.base64EncodedString(), with: containerKey, binding: keyBinding(evidenceID))
    }

    static func openKey(of evidence: Evidence, with containerKey: SymmetricKey) throws -> SymmetricKey {
        let text = try FieldCipher.open(evidence.keySealed, with: containerKey, binding: keyBinding(evidence.requireID()))
        guard let raw = Data(base64Encoded: text), raw.count == 32 else { throw VaultError.malformed("evidence key") }
        return SymmetricKey(data: raw)
    }

    /// A new evidence file's upload: its own key, bound to its future row, sealed as the bytes arrive.
    static func beginUpload(files: SealedFiles, fileName: String, contentType: String?) throws -> (upload: SealedUpload, fileKey: SymmetricKey) {
        let fileKey = SymmetricKey(size: .bits256)
        return (try SealedUpload(files: files, key: fileKey, binding: fileBinding, fileName: fileName, contentType: contentType), fileKey)
    }

    /// Records a finished upload as evidence of an incident (optionally of one of its sources); returns the evidence id.
    /// The sealed file is deleted when the record cannot be stored.
    static func add(app: Application, db: any Database, _ stored: SealedUpload.Stored, fileKey: SymmetricKey, to incident: Incident,
                    sourceID: UUID?, containerKey: SymmetricKey, by userID: UUID, custody: EvidenceCustody.Action = .uploaded,
                    now: Date = Date()) async throws -> UUID {
        let id = stored.recordID
        let about = EvidenceAbout(fileName: String(stored.fileName.prefix(200)), contentType: imageType(of: stored.head) ?? stored.contentType,
                                  sha256: stored.sha256)
        let files = SealedFiles(dataDirectory: app.haven.configuration.dataDirectory)
        do {
            let evidence = Evidence()
            evidence.id = id
            evidence.$incident.id = try incident.requireID()
            evidence.$source.id = sourceID
            evidence.storedName = stored.storedName
            evidence.keySealed = try sealKey(fileKey, evidenceID: id, with: containerKey)
            evidence.aboutSealed = try FieldCipher.seal(String(decoding: try JSONEncoder().encode(about), as: UTF8.self), with: fileKey,
                                                        binding: aboutBinding(id))
            evidence.size = stored.size
            evidence.uploadedAt = now
            try await app.haven.audit.transaction(on: db) { tx, audit in
                try await evidence.create(on: tx)
                try await EvidenceCustody(evidenceID: id, actorID: userID, action: custody, at: now).create(on: tx)
                try await audit.append(actor: userID.uuidString, action: "evidence.upload", table: Evidence.schema, id: id.uuidString, at: now)
            }
        } catch {
            files.delete([stored.storedName])
            throw error
        }
        return id
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

    /// Opens every chunk of a stored file, keeping none: throws when any was altered, reordered or cut.
    static func verify(_ url: URL, key: SymmetricKey, binding: FieldBinding) throws {
        var reader = try SealedFileReader(url: url, key: key, binding: binding)
        while try reader.next() != nil {}
    }

    /// What is known about a file, opened.
    static func about(_ evidence: Evidence, containerKey: SymmetricKey) throws -> EvidenceAbout {
        let fileKey = try openKey(of: evidence, with: containerKey)
        let json = try FieldCipher.open(evidence.aboutSealed, with: fileKey, binding: aboutBinding(evidence.requireID()))
        return try JSONDecoder().decode(EvidenceAbout.self, from: Data(json.utf8))
    }

    /// Image types shown in the browser rather than downloaded (CSP and nosniff still apply to them).
    static let viewableTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]

    /// A streaming response that decrypts the file chunk by chunk; the download (or, for `inline` images, the viewing)
    /// is written to the custody log and the audit log before the first byte.
    static func download(_ evidence: Evidence, containerKey: SymmetricKey, req: Request, userID: UUID, inline: Bool = false) async throws -> Response {
        let id = try evidence.requireID()
        let fileKey = try openKey(of: evidence, with: containerKey)
        let about = try self.about(evidence, containerKey: containerKey)
        let url = SealedFiles(dataDirectory: req.haven.configuration.dataDirectory).location(evidence.storedName)
        let isInline = inline && viewableTypes.contains(about.contentType)
        guard inline == isInline else { throw Abort(.unsupportedMediaType) }
        // Every chunk is authenticated before the first byte goes out: an altered file is refused whole, with no custody line.
        guard (try? verify(url, key: fileKey, binding: fileBinding(id))) != nil else {
            try await req.haven.audit.append(on: req.db, actor: userID.uuidString, action: "evidence.altered", table: Evidence.schema, id: id.uuidString)
            throw Abort(.conflict, reason: req.t("evidence_altered"))
        }
        try await req.haven.audit.transaction(on: req.db) { tx, audit in
            try await EvidenceCustody(evidenceID: id, actorID: userID, action: isInline ? .viewed : .downloaded).create(on: tx)
            try await audit.append(actor: userID.uuidString, action: isInline ? "evidence.view" : "evidence.download", table: Evidence.schema, id: id.uuidString)
        }
        let logger = req.logger
        let response = Response(status: .ok, body: .init(asyncStream: { writer in
            do {
                var reader = try SealedFileReader(url: url, key: fileKey, binding: fileBinding(id))
                while let chunk = try reader.next() { try await writer.writeBuffer(ByteBuffer(data: chunk)) }
                try await writer.write(.end)
            } catch {
                logger.warning("evidence download stopped", metadata: ["evidence": "\(id)"])
                try await writer.write(.error(error))
            }
        }, count: evidence.size))
        response.headers.contentType = isInline ? HTTPMediaType.fileExtension(String(about.contentType.split(separator: "/").last ?? "")) ?? .binary : .binary
        let safeName = about.fileName.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || "0123456789.-_".unicodeScalars.contains($0)) }
        response.headers.replaceOrAdd(name: .contentDisposition, value: (isInline ? "inline" : "attachment") + "; filename=\"\(safeName.isEmpty ? "evidence" : String(String.UnicodeScalarView(safeName)))\"")
        return response
    }
}
