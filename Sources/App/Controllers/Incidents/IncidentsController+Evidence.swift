import Crypto
import HavenDomain
import Vapor

/// Evidence files of an incident: streamed into sealed chunks as they arrive, streamed out chunk by chunk.
extension IncidentsController {
    /// A file received and sealed, with its key, and the source it belongs to as typed.
    private typealias Received = (file: (stored: SealedUpload.Stored, fileKey: SymmetricKey)?, source: String)

    /// Streams an evidence file into sealed chunks on disk. Before any of the body is read: the role, the incident and the
    /// key are checked and an announced length beyond the limit is refused; then the form's first part must be its token.
    /// The file is never held in memory, at most `uploads` run at once, and a body slower than the deadline is dropped.
    @Sendable func upload(req: Request) async throws -> Response {
        let (record, keys, staff) = try await Self.opened(req, writing: true)
        if let announced = req.headers.first(name: .contentLength).flatMap({ WholeNumber.parse($0, in: 0...(1 << 50)) }),
            announced > evidenceMaximumBytes + (64 << 10)
        {
            throw Abort(.payloadTooLarge, reason: req.t("evidence_too_large"))
        }
        // A body that is not a multipart form cannot carry the form's token either.
        guard var form = try? MultipartStream(req), try await form.readToken(expected: req.staffSession?.csrfToken) else {
            throw Abort(.forbidden, reason: "This form has expired. Go back, reload the page and send it again.")
        }
        guard await req.haven.uploads.tryEnter() else {
            throw Abort(.serviceUnavailable, headers: ["Retry-After": "30"], reason: req.t("error_busy"))
        }
        let outcome: Result<Received, any Error>
        do {
            outcome = .success(try await receiveEvidence(&form, store: req.haven.evidence))
        } catch {
            outcome = .failure(error)
        }
        await req.haven.uploads.leave()
        let received: Received
        do {
            received = try outcome.get()
        } catch MultipartStream.Failure.tooLarge {
            return await notice(req, "evidence_too_large", code: record.code)
        } catch MultipartStream.Failure.tooSlow {
            throw Abort(.requestTimeout)
        } catch MultipartStream.Failure.malformed {
            throw Abort(.badRequest)
        }
        guard let file = received.file, file.stored.size > 0 else {
            if let file = received.file { req.haven.evidence.discard(file.stored) }
            return await notice(req, "evidence_missing", code: record.code)
        }
        _ = try await req.haven.evidence.add(
            file.stored, fileKey: file.fileKey, to: record, sourceID: UUID(uuidString: received.source), containerKey: keys.container,
            by: staff, on: req.db)
        return await notice(req, "evidence_added", code: record.code)
    }

    /// Reads the evidence form's parts: the source field, and the file sealed as it arrives (deleted again on any failure).
    private func receiveEvidence(_ form: inout MultipartStream, store: EvidenceStore) async throws -> Received {
        var received: (stored: SealedUpload.Stored, fileKey: SymmetricKey)?
        var source = ""
        do {
            while let part = try await form.nextPart() {
                if part.name == "source", !part.isFile {
                    source = try await form.readText(maximum: 64)
                } else if part.name == "file", let name = part.filename, received == nil, !name.isEmpty {
                    var (upload, fileKey) = try store.beginUpload(fileName: name, contentType: part.contentType)
                    do {
                        try await form.readBody(maximum: evidenceMaximumBytes) { try upload.append($0) }
                        received = (try upload.finish(), fileKey)
                    } catch {
                        upload.abandon()
                        throw error
                    }
                }
            }
            try await form.readToEnd()
        } catch {
            if let received { store.discard(received.stored) }
            throw error
        }
        return (received, source)
    }

    @Sendable func view(req: Request) async throws -> Response {
        try await download(req: req, inline: true)
    }

    @Sendable func download(req: Request) async throws -> Response {
        try await download(req: req, inline: false)
    }

    private func download(req: Request, inline: Bool) async throws -> Response {
        let (record, keys, staff) = try await Self.opened(req)
        guard let evidenceID = req.parameters.get("evidenceID", as: UUID.self) else { throw Abort(.notFound) }
        do {
            let file = try await req.haven.evidence.download(
                evidenceID, of: record, containerKey: keys.container, by: staff, inline: inline, on: req.db)
            return Response.streaming(file, logger: req.logger)
        } catch EvidenceStore.Failure.altered {
            throw Abort(.conflict, reason: req.t("evidence_altered"))
        }
    }
}
