import Fluent
import HavenDomain
import HavenVault
import Vapor

extension IncidentsController {
    /// What the access forms post.
    struct AccessInput: Content {
        var email: String?
        var holder: UUID?
    }

    @Sendable func revisions(req: Request) async throws -> View {
        let record = try await Self.incident(req)
        guard let keys = try await Self.keys(for: record, req: req) else { throw Abort(.forbidden, reason: req.t("incident_not_yours")) }
        let id = try record.requireID()
        let builder = IncidentPageBuilder(req)
        let revisions = try await IncidentRevision.query(on: req.db).filter(\.$incident.$id == id).sort(\.$changedAt, .descending).all()
        // An incident that was restricted once keeps its key for the revisions sealed then: a former holder still reads them.
        var revisionKey = keys.incident
        if revisionKey == nil { revisionKey = try await Incidents.key(of: record, for: try req.signedInStaff(), on: req.db) }
        let views = try revisions.map { revision in
            // Without that key a revision sealed while the incident was restricted is listed as sealed.
            let previous = StoredJSON.isSealed(revision.previous) && revisionKey == nil ? nil
                : try StoredJSON.decode(IncidentDraft.self, from: revision.previous, key: revisionKey, binding: Incidents.revisionBinding(revision.requireID()))
            return IncidentRevisionsPage.Revision(
                changedAt: ReportThread.format(revision.changedAt), actor: String(revision.$actor.id?.uuidString.prefix(8) ?? "—"),
                changes: revision.changedFields.split(separator: ",").map { field in
                    .init(field: req.t("incident_field_\(field)"),
                          before: previous.map { before(String(field), in: $0, builder: builder) } ?? req.t("incident_revision_sealed"))
                })
        }
        return try await req.view.render("incident-revisions", IncidentRevisionsPage(chrome: await .make(for: req, titleKey: "incident_revisions_title"),
                                                                                    code: record.code, revisions: views))
    }

    /// A field's earlier value as text.
    private func before(_ field: String, in draft: IncidentDraft, builder: IncidentPageBuilder) -> String {
        let terms = builder.terms
        switch field {
        case "title": return draft.title
        case "description": return draft.description
        case "startDate": return draft.startDate
        case "endDate": return draft.endDate
        case "country": return Country(code: draft.country)?.name(builder.req.language) ?? draft.country
        case "region": return draft.region
        case "city": return draft.city
        case "placeDetail": return draft.placeDetail
        case "types": return builder.typeNames(draft.types).joined(separator: "; ")
        case "victims": return draft.victims
        case "participants": return draft.participants
        case "detainees": return draft.detainees
        case "violationStatus": return builder.label(terms.violationStatuses, draft.violationStatus)
        case "reliability": return builder.label(terms.reliabilities, draft.reliability)
        case "verification": return builder.req.t(draft.verification.labelKey)
        case "confidentiality": return builder.req.t(draft.confidentiality.labelKey)
        case "acts":
            return draft.filledActs.map { "\($0.victim): \(builder.label(terms.incidentTypes, $0.type)) \($0.date)".trimmingCharacters(in: .whitespaces) }
                .joined(separator: "; ")
        case "sources": return draft.filledSources.map(\.title).joined(separator: "; ")
        default: return ""
        }
    }

    /// Streams an evidence file into sealed chunks on disk. Before any of the body is read: the role, the incident and the
    /// key are checked and an announced length beyond the limit is refused; then the form's first part must be its token.
    /// The file is never held in memory, at most `uploads` run at once, and a body slower than the deadline is dropped.
    @Sendable func upload(req: Request) async throws -> Response {
        let staff = try Self.writer(req)
        let record = try await Self.incident(req)
        guard let keys = try await Self.keys(for: record, req: req) else { throw Abort(.forbidden, reason: req.t("incident_not_yours")) }
        if let announced = req.headers.first(name: .contentLength).flatMap({ WholeNumber.parse($0, in: 0...(1 << 50)) }),
           announced > evidenceMaximumBytes + (64 << 10) {
            throw Abort(.payloadTooLarge, reason: req.t("evidence_too_large"))
        }
        // A body that is not a multipart form cannot carry the form's token either.
        guard var form = try? MultipartStream(req), try await form.readToken(expected: req.staffSession?.csrfToken) else {
            throw Abort(.forbidden, reason: "This form has expired. Go back, reload the page and send it again.")
        }
        guard await req.haven.uploads.tryEnter() else {
            throw Abort(.serviceUnavailable, headers: ["Retry-After": "30"], reason: req.t("error_busy"))
        }
        let files = SealedFiles(dataDirectory: req.haven.configuration.dataDirectory)
        let outcome: Result<(file: (stored: SealedUpload.Stored, fileKey: SymmetricKey)?, source: String), any Error>
        do {
            outcome = .success(try await receiveEvidence(&form, files: files))
        } catch {
            outcome = .failure(error)
        }
        await req.haven.uploads.leave()
        let received: (stored: SealedUpload.Stored, fileKey: SymmetricKey)?
        let sourceText: String
        do {
            (received, sourceText) = try outcome.get()
        } catch MultipartStream.Failure.tooLarge {
            return try await notice(req, "evidence_too_large", code: record.code)
        } catch MultipartStream.Failure.tooSlow {
            throw Abort(.requestTimeout)
        } catch MultipartStream.Failure.malformed {
            throw Abort(.badRequest)
        }
        guard let received, received.stored.size > 0 else {
            if let received { files.delete([received.stored.storedName]) }
            return try await notice(req, "evidence_missing", code: record.code)
        }
        let incidentID = try record.requireID()
        var sourceID: UUID?
        if let id = UUID(uuidString: sourceText) {
            guard try await IncidentSource.query(on: req.db).filter(\.$id == id).filter(\.$incident.$id == incidentID).count() == 1 else {
                files.delete([received.stored.storedName])
                throw Abort(.badRequest)
            }
            sourceID = id
        }
        _ = try await EvidenceStore.add(app: req.application, db: req.db, received.stored, fileKey: received.fileKey, to: record, sourceID: sourceID,
                                        containerKey: keys.incident ?? keys.documentation, by: staff.id)
        return try await notice(req, "evidence_added", code: record.code)
    }

    /// Reads the evidence form's parts: the source field, and the file sealed as it arrives (deleted again on any failure).
    private func receiveEvidence(_ form: inout MultipartStream, files: SealedFiles) async throws
        -> (file: (stored: SealedUpload.Stored, fileKey: SymmetricKey)?, source: String) {
        var received: (stored: SealedUpload.Stored, fileKey: SymmetricKey)?
        var source = ""
        do {
            while let part = try await form.nextPart() {
                if part.name == "source", !part.isFile {
                    source = try await form.readText(maximum: 64)
                } else if part.name == "file", let name = part.filename, received == nil, !name.isEmpty {
                    var (upload, fileKey) = try EvidenceStore.beginUpload(files: files, fileName: name, contentType: part.contentType)
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
            if let received { files.delete([received.stored.storedName]) }
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
        let staff = try Self.reader(req)
        let record = try await Self.incident(req)
        guard let keys = try await Self.keys(for: record, req: req) else { throw Abort(.forbidden, reason: req.t("incident_not_yours")) }
        guard let evidenceID = req.parameters.get("evidenceID", as: UUID.self),
              let evidence = try await Evidence.query(on: req.db).filter(\.$id == evidenceID).filter(\.$incident.$id == record.requireID()).first()
        else { throw Abort(.notFound) }
        return try await EvidenceStore.download(evidence, containerKey: keys.incident ?? keys.documentation, req: req, userID: staff.id, inline: inline)
    }

    @Sendable func grantAccess(req: Request) async throws -> Response {
        let staff = try Self.writer(req)
        let record = try await Self.incident(req)
        guard record.isRestricted, let keys = try await Self.keys(for: record, req: req), let key = keys.incident else {
            throw Abort(.forbidden, reason: req.t("incident_not_yours"))
        }
        let typed = try req.content.decode(AccessInput.self).email ?? ""
        guard let email = EmailAddress(typed), let user = try await User.find(on: req.db, emailLookup: req.haven.lookupKey.emailLookup(email.value)),
              user.status != .disabled, user.role.readsDocumentation else {
            var page = try await IncidentPageBuilder(req).page(try await Incidents.open(record, keys: keys, on: req.db), keys: keys)
            page.grantee = FieldState(value: typed, error: req.t("incident_grantee_unknown"))
            return try await req.view.render("incident", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let id = try record.requireID()
        let holderID = try user.requireID()
        let copies = KeyGrant.query(on: req.db).filter(\.$recordTable == Incident.schema).filter(\.$recordID == id.uuidString).filter(\.$holder.$id == holderID)
        if try await copies.count() == 0 {
            let grant = try KeyGrant.sealing(key, table: Incident.schema, recordID: id.uuidString, holder: holderID, publicKey: user.publicKey)
            try await req.haven.audit.transaction(on: req.db) { tx, audit in
                try await grant.create(on: tx)
                try await audit.append(actor: staff.id.uuidString, action: "incident.grant", table: Incident.schema, id: id.uuidString)
            }
        }
        return try await notice(req, "incident_granted", code: record.code)
    }

    @Sendable func revokeAccess(req: Request) async throws -> Response {
        let staff = try Self.writer(req)
        let record = try await Self.incident(req)
        guard record.isRestricted, try await Self.keys(for: record, req: req)?.incident != nil else { throw Abort(.forbidden, reason: req.t("incident_not_yours")) }
        let id = try record.requireID()
        guard let holderID = try req.content.decode(AccessInput.self).holder else { throw Abort(.badRequest) }
        let holders = try await KeyGrant.query(on: req.db).filter(\.$recordTable == Incident.schema).filter(\.$recordID == id.uuidString).all()
            .compactMap { $0.$holder.id }
        guard holders.contains(holderID), holders.count > 1 else { return try await notice(req, "incident_last_holder", code: record.code) }
        try await req.haven.audit.transaction(on: req.db) { tx, audit in
            try await KeyGrant.query(on: tx).filter(\.$recordTable == Incident.schema).filter(\.$recordID == id.uuidString)
                .filter(\.$holder.$id == holderID).delete()
            try await audit.append(actor: staff.id.uuidString, action: "incident.revoke", table: Incident.schema, id: id.uuidString)
        }
        return try await notice(req, "incident_revoked", code: record.code)
    }

    func notice(_ req: Request, _ key: String, code: String) async throws -> Response {
        await req.seeOther("/app/incidents/\(code)", notice: key)
    }
}
