import HavenDomain
import HavenVault
import Vapor

/// `/welcome`: a person with an invitation or reset code chooses their password and is given their personal recovery
/// code.
struct WelcomeController: RouteCollection {
    /// What the welcome form posts.
    struct WelcomeInput: Content {
        var code: String?
        var password: String?
        var passwordConfirmation: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("welcome", use: form)
        routes.post("welcome", use: redeem)
        routes.get("recovery-code", use: recoveryCode)
    }

    private func page(_ req: Request, passwordError: String? = nil) async -> WelcomePage {
        WelcomePage(
            chrome: await .make(for: req, titleKey: "welcome_title"), newPassword: NewPasswordFields(t: req.t, error: passwordError))
    }

    @Sendable func form(req: Request) async throws -> Response {
        try await req.render(await page(req))
    }

    @Sendable func redeem(req: Request) async throws -> Response {
        if let wait = await req.takeLimit(.codeEntry) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)], reason: req.t("error_too_many"))
        }
        let input = try req.content.decode(WelcomeInput.self)
        let password = input.password ?? ""
        if let problem = PasswordPolicy.problem(with: password, confirmation: input.passwordConfirmation ?? "") {
            var page = await page(req, passwordError: req.t(problem.messageKey))
            page.code.value = input.code ?? ""
            return try await req.render(page, status: .unprocessableEntity)
        }
        guard let redeemed = try await req.haven.accounts.redeem(code: HumanCode(typed: input.code ?? ""), password: password, on: req.db)
        else {
            var page = await page(req)
            page.code = FieldState(value: input.code ?? "", error: req.t("welcome_code_wrong"))
            return try await req.render(page, status: .unprocessableEntity)
        }
        await req.keepCodesToShow([redeemed.recoveryCode.description], titleKey: "recovery_code_title", introKey: "recovery_code_intro")
        return req.seeOther("/recovery-code")
    }

    /// The personal recovery code just made at `/welcome` or `/recover`, shown once.
    @Sendable func recoveryCode(req: Request) async throws -> Response {
        try await req.showKeptCodes(continuePath: "/login", continueKey: "codes_continue", otherwise: "/login")
    }
}
