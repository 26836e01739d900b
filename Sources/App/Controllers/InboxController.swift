import Fluent
import HavenDomain
import HavenVault
import Vapor

/// `/app/inbox`: anonymous reports sealed to this staff member; read, reply, close, or delete as junk.
struct InboxController: RouteCollection {
    /// What the reply form posts.
    struct ReplyInput: Content {
        var message: String?
    }

    /// What the bulk junk form posts.
    struct JunkInput: Content {
        var reports: [UUID]?
    }

    func boot(routes: any RoutesBuilder) throws {
        let inbox = routes.grouped("app", "inbox")
        inbox.get(use: list)
        inbox.post("junk", use: junk)
        inbox.get(":reportID", use: show)
        inbox.post(":reportID", "reply", use: reply)
        inbox.post(":reportID", "close", use: close)
        inbox.get(":reportID", "attachments", ":attachmentID", use: download)
    }

    @Sendable func list(req: Request) async throws -> View {
        let user = try req.signedInStaff()
        let held = try await KeyGrant.held(table: Report.schema, userID: user.id, on: req.db)
        let granted = Array(held.keys)
        let reports = try await Report.query(on: req.db).filter(\.$id ~~ granted).sort(\.$receivedAt, .descending).limit(200).all()
        let read = Set(try await ReportRead.query(on: req.db).filter(\.$user.$id == user.id).filter(\.$report.$id ~~ granted).all().map(\.$report.id))
        var rows: [InboxPage.Row] = []
        for report in reports {
            let id = try report.requireID()
            guard let key = try held[id]?.openKey(with: user.privateKey) else { continue }
            let payload = try FieldCipher.open(report.payloadSealed, with: key, binding: Intake.payloadBinding(id))
            let narrative = try JSONDecoder().decode(ReportSubmission.self, from: Data(payload.utf8)).narrative
            rows.append(.init(id: id.uuidString, kindName: req.t(report.kind.labelKey), statusName: req.t(report.status.labelKey),
                              receivedAt: ReportThread.format(report.receivedAt), excerpt: String(narrative.prefix(140)),
                              isUnread: !read.contains(id)))
        }
        return try await req.view.render("inbox", InboxPage(chrome: await .make(for: req, titleKey: "inbox_title"), reports: rows))
    }

    /// The report and its key for this user; 403 (audited) without a grant, 404 when there is no such report.
    private func opened(_ req: Request) async throws -> (Report, SymmetricKey, UUID) {
        guard let id = req.parameters.get("reportID", as: UUID.self), let report = try await Report.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        let (key, userID) = try await req.recordKey(table: Report.schema, id: id, deniedAction: "report.read.denied", reasonKey: "inbox_not_yours")
        return (report, key, userID)
    }

    @Sendable func show(req: Request) async throws -> View {
        let (report, key, userID) = try await opened(req)
        let id = try report.requireID()
        let opened = try await Intake.open(report, key: key, db: req.db)
        try await req.haven.audit.transaction(on: req.db) { tx, audit in
            if try await ReportRead.query(on: tx).filter(\.$report.$id == id).filter(\.$user.$id == userID).count() == 0 {
                try await ReportRead(reportID: id, userID: userID).create(on: tx)
            }
            if report.status == .new {
                report.status = .open
                try await report.save(on: tx)
            }
            try await audit.append(actor: userID.uuidString, action: "report.read", table: Report.schema, id: id.uuidString)
        }
        let page = InboxReportPage(chrome: await .make(for: req, titleKey: "inbox_report_title"), thread: ReportThread(opened, for: req),
                                   isClosed: report.status == .closed)
        return try await req.view.render("inbox-report", page)
    }

    @Sendable func reply(req: Request) async throws -> Response {
        let (report, key, userID) = try await opened(req)
        let id = try report.requireID()
        let text = (try req.content.decode(ReplyInput.self).message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= ReportSubmission.maximumNarrative else {
            var page = InboxReportPage(chrome: await .make(for: req, titleKey: "inbox_report_title"),
                                       thread: ReportThread(try await Intake.open(report, key: key, db: req.db), for: req), isClosed: report.status == .closed)
            page.reply = FieldState(value: text, error: req.t(text.isEmpty ? "report_problem_narrativeMissing" : "report_problem_narrativeTooLong"))
            return try await req.view.render("inbox-report", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await Intake.addMessage(app: req.application, db: req.db, reportID: id, key: key, author: .staff, staffUserID: userID, text: text)
        return try await notice(req, "inbox_replied", back: "/app/inbox/\(id.uuidString)")
    }

    @Sendable func close(req: Request) async throws -> Response {
        let (report, _, userID) = try await opened(req)
        let id = try report.requireID()
        report.status = .closed
        try await req.haven.audit.transaction(on: req.db) { tx, audit in
            try await report.save(on: tx)
            try await audit.append(actor: userID.uuidString, action: "report.close", table: Report.schema, id: id.uuidString)
        }
        return try await notice(req, "inbox_closed", back: "/app/inbox")
    }

    @Sendable func junk(req: Request) async throws -> Response {
        let user = try req.signedInStaff()
        let chosen = Array(Set(try req.content.decode(JunkInput.self).reports ?? []))
        let held = try await KeyGrant.held(table: Report.schema, userID: user.id, on: req.db)
        let granted = chosen.filter { held[$0] != nil }
        guard granted.count == chosen.count else { throw Abort(.forbidden, reason: req.t("inbox_not_yours")) }
        try await Intake.delete(app: req.application, db: req.db, reportIDs: granted, actor: user.id.uuidString, action: "report.junk")
        return try await notice(req, granted.isEmpty ? "inbox_none_chosen" : "inbox_junked", back: "/app/inbox")
    }

    @Sendable func download(req: Request) async throws -> Response {
        let (report, key, userID) = try await opened(req)
        let id = try report.requireID()
        guard let attachmentID = req.parameters.get("attachmentID", as: UUID.self),
              let attachment = try await ReportAttachment.query(on: req.db).filter(\.$id == attachmentID).filter(\.$report.$id == id).first()
        else { throw Abort(.notFound) }
        let data = try SealedFiles(dataDirectory: req.haven.configuration.dataDirectory)
            .read(attachment.storedName, key: key, binding: Intake.fileBinding(attachmentID))
        try await req.haven.audit.append(on: req.db, actor: userID.uuidString, action: "report.attachment.download",
                                         table: ReportAttachment.schema, id: attachmentID.uuidString)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .binary
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"attachment-\(attachmentID.uuidString.prefix(8)).bin\"")
        return response
    }

    private func notice(_ req: Request, _ key: String, back: String) async throws -> Response {
        await req.seeOther(back, notice: key)
    }
}
