import HavenDomain
import HavenVault
import Vapor

/// The public intake: report, receive a receipt code, follow up with it. No login, no JavaScript.
struct IntakeController: RouteCollection {
    /// What a report form posts (multipart, for files; read as it streams in by `IntakeFormReader`).
    struct ReportInput: Content {
        var narrative: String?
        var country: String?
        var city: String?
        var when: String?
        var contact: String?
        var needs: [String]?
    }

    /// What the follow-up forms post (the reply form streams in, with files).
    struct FollowUpInput: Content {
        var code: String?
        var message: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let report = routes.grouped("report")
        report.get(use: start)
        report.get("receipt", use: receipt)
        report.post("receipt", "print", use: printableReceipt)
        report.get("follow-up", use: followUpForm)
        report.post("follow-up", use: followUp)
        report.postStreamed("follow-up", "reply", use: reply)
        report.get(":kind", use: form)
        report.postStreamed(":kind", use: submit)
    }

    @Sendable func start(req: Request) async throws -> Response {
        try await req.render(ReportStartPage(chrome: await .make(for: req, titleKey: "report_title")))
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

    @Sendable func form(req: Request) async throws -> Response {
        try await req.render(await formPage(req, kind: try kind(req)))
    }

    /// A report as it streams in: the token first, then the intake limits, both before any file is read; files are sealed
    /// under the new report's key as they arrive. A refused form comes back with the text kept (files must be attached
    /// again), and nothing is stored until the whole form is accepted.
    @Sendable func submit(req: Request) async throws -> Response {
        let kind = try kind(req)
        var form = try MultipartStream(req)
        let tokenIsValid = try await form.readToken(expected: req.staffSession?.csrfToken)
        // The limits are asked before any file is read, and taken only by a report that is then stored.
        var wait = tokenIsValid ? await req.takeLimit(.report, taking: false) : nil
        let new = Intake.NewReport()
        let received = try await IntakeFormReader(req).read(&form, acceptsFiles: tokenIsValid && wait == nil, binding: Intake.fileBinding) {
            _ in
            new.key
        }
        let submission = ReportSubmission(
            kind: kind, narrative: received.text("narrative"), country: received.text("country"),
            city: received.text("city"), when: received.text("when"), contact: received.text("contact"),
            needs: kind == .help ? received.all("needs[]").compactMap(Need.init(rawValue:)) : [])
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
        page.files.error = received.fileProblem.map(req.t)
        page.keepsFiles = received.text(IntakeFormReader.keepFilesField) == "on"
        if !tokenIsValid { page.narrative.error = req.t("report_session_expired") }
        if wait == nil, tokenIsValid, problems.isEmpty, page.files.error == nil { wait = await req.takeLimit(.report) }
        if let wait { page.narrative.error = req.t("report_busy").replacingOccurrences(of: "{seconds}", with: String(wait)) }
        guard problems.isEmpty, page.files.error == nil, tokenIsValid, wait == nil else {
            req.haven.files.delete(received.attachments.map(\.storedName))
            if page.files.error == nil, received.filesLeftOut || !received.attachments.isEmpty {
                page.files.error = req.t("report_files_again")
            }
            let response = try await req.render(page, status: wait == nil ? .unprocessableEntity : .tooManyRequests)
            if let wait { response.headers.replaceOrAdd(name: .retryAfter, value: String(wait)) }
            return response
        }
        let code = try await req.haven.intake.submit(submission, report: new, attachments: received.attachments, on: req.db)
        let db = req.application.db
        req.haven.notices.inBackground { await $0.notifyIntakeRecipients(on: db) }
        var session = await req.session()
        session.receiptCode = code.description
        await req.saveSession(session)
        return req.seeOther("/report/receipt")
    }

    @Sendable func receipt(req: Request) async throws -> Response {
        var session = await req.session()
        guard let code = session.receiptCode else { return req.seeOther("/report") }
        session.receiptCode = nil
        await req.saveSession(session)
        return try await req.render(
            ReportReceiptPage(
                chrome: await .make(for: req, titleKey: "receipt_title"), code: GroupedCode(code), whatHappens: whatHappens(req)))
    }

    /// What the receipt says happens to a report: who reads it and how soon they answer (as the organisation put it,
    /// else in general terms), and when it is deleted (the retention setting).
    private func whatHappens(_ req: Request) -> [String] {
        let identity = req.haven.siteIdentity.identity
        let language = req.language.rawValue
        let readers = SiteIdentity.text(identity.reportReaders, in: language)
        let replyTime = SiteIdentity.text(identity.replyTime, in: language)
        let retention = req.haven.configuration.closedReportRetentionDays
        return [
            readers.isEmpty ? req.t("receipt_readers_default") : req.t("receipt_readers") + " " + readers,
            replyTime.isEmpty ? req.t("receipt_reply_default") : req.t("receipt_reply") + " " + replyTime,
            retention.map { req.t("receipt_retention").replacingOccurrences(of: "{days}", with: String($0)) }
                ?? req.t("receipt_retention_none"),
        ]
    }

    /// The receipt as a page for paper: the code in large type and the advice, nothing else. The code comes back from
    /// the receipt page's own form (the server keeps no copy to show again); only a well-formed code is shown.
    @Sendable func printableReceipt(req: Request) async throws -> Response {
        let typed = String((try req.content.decode(FollowUpInput.self).code ?? "").prefix(80))
        let code = HumanCode(typed: typed)
        guard code.normalized.count >= 16, code.normalized.count <= 40 else { return req.seeOther("/report") }
        var page = ReportReceiptPage(
            chrome: await .make(for: req, titleKey: "receipt_title"), code: GroupedCode(code.description), whatHappens: whatHappens(req))
        page.isPrintable = true
        page.chrome.isBare = true
        return try await req.render(page)
    }

    @Sendable func followUpForm(req: Request) async throws -> Response {
        try await req.render(ReportFollowUpPage(chrome: await .make(for: req, titleKey: "follow_up_title")))
    }

    @Sendable func followUp(req: Request) async throws -> Response {
        let input = try req.content.decode(FollowUpInput.self)
        if req.csrfRejected {
            var page = ReportFollowUpPage(chrome: await .make(for: req, titleKey: "follow_up_title"))
            page.code = FieldState(value: input.code ?? "", error: req.t("report_session_expired"))
            return try await req.render(page, status: .unprocessableEntity)
        }
        if let wait = await req.takeLimit(.codeEntry) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)], reason: req.t("error_too_many"))
        }
        guard let report = try await req.haven.intake.open(code: HumanCode(typed: input.code ?? ""), on: req.db) else {
            return try await wrongCode(req, typed: input.code ?? "")
        }
        let page = ReportFollowUpThreadPage(
            chrome: await .make(for: req, titleKey: "follow_up_title"),
            thread: ReportThread(report, for: req), code: input.code ?? "")
        return try await req.render(page)
    }

    /// A reporter's reply as it streams in: the token first; the code (sent before the files) opens the report whose key
    /// seals the files as they arrive.
    @Sendable func reply(req: Request) async throws -> Response {
        var form = try MultipartStream(req)
        let tokenIsValid = try await form.readToken(expected: req.staffSession?.csrfToken)
        if tokenIsValid, let wait = await req.takeLimit(.codeEntry) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)], reason: req.t("error_too_many"))
        }
        let intake = req.haven.intake
        let db = req.db
        let received = try await IntakeFormReader(req).read(&form, acceptsFiles: tokenIsValid, binding: Intake.fileBinding) { fields in
            try await intake.open(code: HumanCode(typed: fields["code"]?.last ?? ""), on: db)?.key
        }
        let typedCode = received.text("code")
        guard let report = try await intake.open(code: HumanCode(typed: typedCode), on: req.db) else {
            req.haven.files.delete(received.attachments.map(\.storedName))
            return try await wrongCode(req, typed: typedCode)
        }
        var page = ReportFollowUpThreadPage(
            chrome: await .make(for: req, titleKey: "follow_up_title"),
            thread: ReportThread(report, for: req), code: typedCode)
        let message = received.text("message")
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        page.message.value = message
        if text.isEmpty { page.message.error = req.t("report_problem_narrativeMissing") }
        if text.count > ReportSubmission.maximumNarrative { page.message.error = req.t("report_problem_narrativeTooLong") }
        if !tokenIsValid { page.message.error = req.t("report_session_expired") }
        page.files.error = received.fileProblem.map(req.t)
        page.keepsFiles = received.text(IntakeFormReader.keepFilesField) == "on"
        guard page.message.error == nil, page.files.error == nil else {
            req.haven.files.delete(received.attachments.map(\.storedName))
            if page.files.error == nil, received.filesLeftOut || !received.attachments.isEmpty {
                page.files.error = req.t("report_files_again")
            }
            return try await req.render(page, status: .unprocessableEntity)
        }
        try await intake.addMessage(
            to: report.id, key: report.key, author: .reporter, staffUserID: nil, text: text,
            attachments: received.attachments, on: req.db)
        let updated = try await intake.reopen(report, on: req.db)
        page = ReportFollowUpThreadPage(
            chrome: await .make(for: req, titleKey: "follow_up_title"),
            thread: ReportThread(updated, for: req), code: typedCode)
        return try await req.render(page)
    }

    private func wrongCode(_ req: Request, typed: String) async throws -> Response {
        var page = ReportFollowUpPage(chrome: await .make(for: req, titleKey: "follow_up_title"))
        page.code = FieldState(value: typed, error: req.t("follow_up_code_wrong"))
        return try await req.render(page, status: .unprocessableEntity)
    }
}
