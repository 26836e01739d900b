import Fluent
import HavenDomain
import HavenVault
import Vapor

/// The public intake: report, receive a receipt code, follow up with it. No login, no JavaScript.
struct IntakeController: RouteCollection {
    /// What a report form posts (multipart, for files).
    struct ReportInput: Content {
        var narrative: String?
        var country: String?
        var city: String?
        var when: String?
        var contact: String?
        var needs: [String]?
        var attachments: [File]?
    }

    /// What the follow-up forms post.
    struct FollowUpInput: Content {
        var code: String?
        var message: String?
        var attachments: [File]?
    }

    func boot(routes: any RoutesBuilder) throws {
        let report = routes.grouped("report")
        report.get(use: start)
        report.get("receipt", use: receipt)
        report.get("follow-up", use: followUpForm)
        report.on(.POST, "follow-up", body: .collect(maxSize: "64mb"), use: followUp)
        report.on(.POST, "follow-up", "reply", body: .collect(maxSize: "64mb"), use: reply)
        report.get(":kind", use: form)
        report.on(.POST, ":kind", body: .collect(maxSize: "64mb"), use: submit)
    }

    @Sendable func start(req: Request) async throws -> View {
        try await req.view.render("report-start", ReportStartPage(chrome: await .make(for: req, titleKey: "report_title")))
    }

    private func kind(_ req: Request) throws -> ReportKind {
        guard let kind = req.parameters.get("kind").flatMap(ReportKind.init(rawValue:)) else { throw Abort(.notFound) }
        return kind
    }

    private func formPage(_ req: Request, kind: ReportKind, checked: Set<String> = []) async -> ReportFormPage {
        let configuration = req.haven.configuration
        return ReportFormPage(
            chrome: await .make(for: req, titleKey: kind.labelKey), kind: kind.rawValue, kindName: req.t(kind.labelKey),
            asksForNeeds: kind == .help,
            needs: Need.allCases.map { .init(code: $0.rawValue, name: req.t($0.labelKey), isChecked: checked.contains($0.rawValue)) },
            maximumAttachments: configuration.maximumAttachments, maximumAttachmentMegabytes: configuration.maximumAttachmentBytes >> 20)
    }

    @Sendable func form(req: Request) async throws -> View {
        try await req.view.render("report-form", await formPage(req, kind: try kind(req)))
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let kind = try kind(req)
        try await limit(req, "report")
        let input = try req.content.decode(ReportInput.self)
        let submission = ReportSubmission(kind: kind, narrative: input.narrative ?? "", country: input.country ?? "", city: input.city ?? "",
                                          when: input.when ?? "", contact: input.contact ?? "",
                                          needs: kind == .help ? (input.needs ?? []).compactMap(Need.init(rawValue:)) : [])
        var page = await formPage(req, kind: kind, checked: Set(submission.needs.map(\.rawValue)))
        page.narrative.value = submission.narrative
        page.country.value = submission.country
        page.city.value = submission.city
        page.when.value = submission.when
        page.contact.value = submission.contact
        let problems = submission.problems
        page.narrative.error = problems["narrative"].map { req.t($0.messageKey) }
        page.country.error = problems["country"].map { req.t($0.messageKey) }
        page.city.error = problems["city"].map { req.t($0.messageKey) }
        page.when.error = problems["when"].map { req.t($0.messageKey) }
        page.contact.error = problems["contact"].map { req.t($0.messageKey) }
        let files = incomingFiles(input.attachments, req: req, problem: &page.files.error)
        if req.csrfRejected { page.narrative.error = req.t("report_session_expired") }
        guard problems.isEmpty, page.files.error == nil, !req.csrfRejected else {
            if page.files.error == nil, !(input.attachments ?? []).filter({ $0.data.readableBytes > 0 }).isEmpty {
                page.files.error = req.t("report_files_again")
            }
            return try await req.view.render("report-form", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let code = try await Intake.submit(app: req.application, db: req.db, submission: submission, files: files)
        var session = await req.session()
        session.receiptCode = code.description
        await req.saveSession(session)
        return req.seeOther("/report/receipt")
    }

    /// The files of a form, checked against the limits; sets `problem` (and returns none) if any is refused.
    private func incomingFiles(_ files: [File]?, req: Request, problem: inout String?) -> [IncomingFile] {
        let configuration = req.haven.configuration
        let sent = (files ?? []).filter { !$0.filename.isEmpty || $0.data.readableBytes > 0 }
        if sent.count > configuration.maximumAttachments {
            problem = req.t("report_files_too_many")
            return []
        }
        var accepted: [IncomingFile] = []
        for file in sent {
            if file.data.readableBytes > configuration.maximumAttachmentBytes {
                problem = req.t("report_files_too_large")
                return []
            }
            if file.data.readableBytes == 0 {
                problem = req.t("report_files_unreadable")
                return []
            }
            let name = String(file.filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "file").prefix(200)
            accepted.append(IncomingFile(name: String(name), contentType: file.contentType?.description ?? "application/octet-stream",
                                         data: Data(buffer: file.data)))
        }
        return accepted
    }

    @Sendable func receipt(req: Request) async throws -> Response {
        var session = await req.session()
        guard let code = session.receiptCode else { return req.seeOther("/report") }
        session.receiptCode = nil
        await req.saveSession(session)
        return try await req.view.render("report-receipt", ReportReceiptPage(chrome: await .make(for: req, titleKey: "receipt_title"), code: code))
            .encodeResponse(for: req)
    }

    @Sendable func followUpForm(req: Request) async throws -> View {
        try await req.view.render("report-follow-up", ReportFollowUpPage(chrome: await .make(for: req, titleKey: "follow_up_title")))
    }

    @Sendable func followUp(req: Request) async throws -> Response {
        try await limit(req, "follow-up")
        let input = try req.content.decode(FollowUpInput.self)
        if req.csrfRejected {
            var page = ReportFollowUpPage(chrome: await .make(for: req, titleKey: "follow_up_title"))
            page.code = FieldState(value: input.code ?? "", error: req.t("report_session_expired"))
            return try await req.view.render("report-follow-up", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        guard let report = try await Intake.open(app: req.application, db: req.db, code: HumanCode(typed: input.code ?? "")) else {
            return try await wrongCode(req, typed: input.code ?? "")
        }
        let page = ReportFollowUpThreadPage(chrome: await .make(for: req, titleKey: "follow_up_title"),
                                            thread: ReportThread(report, for: req), code: input.code ?? "")
        return try await req.view.render("report-thread", page).encodeResponse(for: req)
    }

    @Sendable func reply(req: Request) async throws -> Response {
        try await limit(req, "follow-up")
        let input = try req.content.decode(FollowUpInput.self)
        guard let report = try await Intake.open(app: req.application, db: req.db, code: HumanCode(typed: input.code ?? "")) else {
            return try await wrongCode(req, typed: input.code ?? "")
        }
        var page = ReportFollowUpThreadPage(chrome: await .make(for: req, titleKey: "follow_up_title"),
                                            thread: ReportThread(report, for: req), code: input.code ?? "")
        let text = (input.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        page.message.value = input.message ?? ""
        if text.isEmpty { page.message.error = req.t("report_problem_narrativeMissing") }
        if text.count > ReportSubmission.maximumNarrative { page.message.error = req.t("report_problem_narrativeTooLong") }
        if req.csrfRejected { page.message.error = req.t("report_session_expired") }
        let files = incomingFiles(input.attachments, req: req, problem: &page.files.error)
        guard page.message.error == nil, page.files.error == nil else {
            return try await req.view.render("report-thread", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await Intake.addMessage(app: req.application, db: req.db, reportID: report.id, key: report.key, author: .reporter,
                                    staffUserID: nil, text: text, files: files)
        guard let record = try await Report.find(report.id, on: req.db) else { throw Abort(.notFound) }
        let updated = try await Intake.open(record, key: report.key, db: req.db)
        page = ReportFollowUpThreadPage(chrome: await .make(for: req, titleKey: "follow_up_title"),
                                        thread: ReportThread(updated, for: req), code: input.code ?? "")
        return try await req.view.render("report-thread", page).encodeResponse(for: req)
    }

    private func wrongCode(_ req: Request, typed: String) async throws -> Response {
        var page = ReportFollowUpPage(chrome: await .make(for: req, titleKey: "follow_up_title"))
        page.code = FieldState(value: typed, error: req.t("follow_up_code_wrong"))
        return try await req.view.render("report-follow-up", page).encodeResponse(status: .unprocessableEntity, for: req)
    }

    private func limit(_ req: Request, _ name: String) async throws {
        guard req.haven.configuration.limitsIntake else { return }
        let rules: [(String, RateLimiter.Rule)] = name == "report"
            ? [("report|" + req.clientKey, .reportPerClient), ("report", .reportOverall)]
            : [("code|" + req.clientKey, .codePerClient), ("code", .codeOverall)]
        if let wait = await req.haven.rateLimiter.take(rules) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)], reason: req.t("error_too_many"))
        }
    }
}
