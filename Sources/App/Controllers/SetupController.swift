import Fluent
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
        guard try await Organisation.current(on: req.db) == nil, req.haven.setupCode != nil else { throw Abort(.notFound) }
    }

    @Sendable func form(req: Request) async throws -> View {
        try await requireNotSetUp(req)
        return try await req.view.render("setup", SetupForm(chrome: await .make(for: req, titleKey: "setup_title")))
    }

    @Sendable func submit(req: Request) async throws -> Response {
        try await requireNotSetUp(req)
        if let wait = await req.takeLimit(.codeEntry) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)], reason: req.t("error_too_many"))
        }
        let input = try req.content.decode(SetupInput.self)
        var page = SetupForm(chrome: await .make(for: req, titleKey: "setup_title"))
        page.code.value = input.code ?? ""
        page.organisation.value = (input.organisation ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        page.email.value = input.email ?? ""
        let password = input.password ?? ""
        if let expected = req.haven.setupCode, !ConstantTime.equals(HumanCode(typed: input.code ?? "").normalized, expected.normalized) {
            page.code.error = req.t("setup_code_wrong")
        }
        if page.organisation.value.isEmpty || page.organisation.value.count > 200 { page.organisation.error = req.t("setup_organisation_missing") }
        let email = EmailAddress(page.email.value)
        if email == nil { page.email.error = req.t("email_invalid") }
        if let problem = PasswordPolicy.problem(with: password, confirmation: input.passwordConfirmation ?? "") {
            page.password.error = req.t(problem.messageKey)
        }
        guard let email, page.code.error == nil, page.organisation.error == nil, page.password.error == nil else {
            return try await req.view.render("setup", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        var session = await req.session()
        session.pendingSetup = try await PendingSetup.prepare(app: req.application, organisationName: page.organisation.value,
                                                              email: email, password: password)
        await req.saveSession(session)
        return req.seeOther("/setup/recovery-key")
    }

    @Sendable func recoveryKey(req: Request) async throws -> Response {
        try await requireNotSetUp(req)
        guard let pending = req.staffSession?.pendingSetup else { return req.seeOther("/setup") }
        let page = SetupRecoveryKeyPage(chrome: await .make(for: req, titleKey: "recovery_title"), recoveryKey: pending.recoveryKeyText)
        return try await req.view.render("setup-recovery-key", page).encodeResponse(for: req)
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        try await requireNotSetUp(req)
        guard let pending = req.staffSession?.pendingSetup else { return req.seeOther("/setup") }
        let input = try req.content.decode(ConfirmInput.self)
        let lastGroup = String(pending.recoveryKeyText.split(separator: "-").last ?? "")
        guard input.written == "yes", HumanCode(typed: input.lastGroup ?? "").normalized == lastGroup else {
            var page = SetupRecoveryKeyPage(chrome: await .make(for: req, titleKey: "recovery_title"), recoveryKey: pending.recoveryKeyText)
            page.confirmation = FieldState(value: input.lastGroup ?? "", error: req.t("recovery_confirm_wrong"))
            return try await req.view.render("setup-recovery-key", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let user = try await pending.commit(app: req.application, on: req.db, actor: pending.administratorID.uuidString)
        var session = await req.renewSession()
        session.userID = try user.requireID()
        session.role = .administrator
        session.privateKey = pending.administratorPrivateKey
        session.notice = "setup_done"
        await req.saveSession(session)
        return req.seeOther("/app")
    }
}
