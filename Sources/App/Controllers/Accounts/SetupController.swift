import HavenDomain
import HavenVault
import Vapor

/// First-time setup in the browser; every route answers 404 once an organisation exists.
struct SetupController: RouteCollection {
    /// What the setup form posts.
    struct SetupInput: Content {
        var code: String?
        var organisation: String?
        var email: String?
        var displayName: String?
        var password: String?
        var passwordConfirmation: String?
    }

    /// What the confirmation form posts.
    struct ConfirmInput: Content {
        var written: String?
        var lastGroup: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let setup = routes.grouped("setup")
        setup.get(use: form)
        setup.post(use: submit)
        setup.get("recovery-key", use: recoveryKey)
        setup.post("confirm", use: confirm)
    }

    private func requireNotSetUp(_ req: Request) async throws {
        guard try await !req.haven.setup.isComplete(on: req.db), req.haven.setupCode != nil else { throw Abort(.notFound) }
    }

    @Sendable func form(req: Request) async throws -> Response {
        try await requireNotSetUp(req)
        return try await req.render(
            SetupPage(chrome: await .make(for: req, titleKey: "setup_title"), newPassword: NewPasswordFields(t: req.t, error: nil)))
    }

    @Sendable func submit(req: Request) async throws -> Response {
        try await requireNotSetUp(req)
        if let wait = await req.takeLimit(.codeEntry) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)], reason: req.t("error_too_many"))
        }
        let input = try req.content.decode(SetupInput.self)
        let password = input.password ?? ""
        let passwordProblem = PasswordPolicy.problem(with: password, confirmation: input.passwordConfirmation ?? "").map {
            req.t($0.messageKey)
        }
        var page = SetupPage(
            chrome: await .make(for: req, titleKey: "setup_title"), newPassword: NewPasswordFields(t: req.t, error: passwordProblem))
        page.code.value = input.code ?? ""
        page.organisation.value = (input.organisation ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        page.email.value = input.email ?? ""
        page.displayName.value = (input.displayName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let expected = req.haven.setupCode, !ConstantTime.equals(HumanCode(typed: input.code ?? "").normalized, expected.normalized) {
            page.code.error = req.t("setup_code_wrong")
        }
        if page.organisation.value.isEmpty || page.organisation.value.count > 200 {
            page.organisation.error = req.t("setup_organisation_missing")
        }
        if page.displayName.value.count > Colleagues.maximumLength { page.displayName.error = req.t("report_problem_fieldTooLong") }
        let email = EmailAddress(page.email.value)
        if email == nil { page.email.error = req.t("email_invalid") }
        guard let email, page.code.error == nil, page.organisation.error == nil, page.displayName.error == nil, passwordProblem == nil
        else {
            return try await req.render(page, status: .unprocessableEntity)
        }
        var session = await req.session()
        session.pendingSetup = try await req.haven.setup.prepare(
            organisationName: page.organisation.value, email: email, password: password,
            displayName: page.displayName.value)
        await req.saveSession(session)
        return req.seeOther("/setup/recovery-key")
    }

    @Sendable func recoveryKey(req: Request) async throws -> Response {
        try await requireNotSetUp(req)
        guard let pending = req.staffSession?.pendingSetup else { return req.seeOther("/setup") }
        return try await req.render(
            SetupRecoveryKeyPage(
                chrome: await .make(for: req, titleKey: "recovery_title"), recoveryKey: GroupedCode(pending.recoveryKeyText)))
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        try await requireNotSetUp(req)
        guard let pending = req.staffSession?.pendingSetup else { return req.seeOther("/setup") }
        let input = try req.content.decode(ConfirmInput.self)
        let lastGroup = String(pending.recoveryKeyText.split(separator: "-").last ?? "")
        guard input.written == "yes", HumanCode(typed: input.lastGroup ?? "").normalized == lastGroup else {
            var page = SetupRecoveryKeyPage(
                chrome: await .make(for: req, titleKey: "recovery_title"), recoveryKey: GroupedCode(pending.recoveryKeyText))
            page.confirmation = FieldState(value: input.lastGroup ?? "", error: req.t("recovery_confirm_wrong"))
            return try await req.render(page, status: .unprocessableEntity)
        }
        let user = try await req.haven.setup.commit(pending, actor: pending.administratorID.uuidString, on: req.db)
        try await req.haven.siteIdentity.reload(on: req.db)
        var session = await req.renewSession()
        session.userID = try user.requireID()
        session.role = .administrator
        session.privateKey = pending.administratorPrivateKey
        session.notice = "setup_done"
        await req.saveSession(session)
        return req.seeOther("/app")
    }
}
