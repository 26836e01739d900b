import HavenDomain
import HavenVault
import Vapor

/// `/recover`: a staff member who forgot their password sets a new one with their personal recovery code, and is given
/// a new code (the one used stops working). Limited like every code entry; one answer for every mismatch.
struct RecoverController: RouteCollection {
    /// What the recovery form posts.
    struct RecoverInput: Content {
        var email: String?
        var recoveryCode: String?
        var password: String?
        var passwordConfirmation: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("recover", use: form)
        routes.post("recover", use: recover)
    }

    private func page(_ req: Request, _ input: RecoverInput = RecoverInput(), codeError: String? = nil, passwordError: String? = nil)
        async -> RecoverPage
    {
        RecoverPage(
            chrome: await .make(for: req, titleKey: "recover_title"),
            email: FieldState(value: input.email ?? ""),
            recoveryCode: FieldState(value: input.recoveryCode ?? "", error: codeError),
            newPassword: NewPasswordFields(t: req.t, error: passwordError))
    }

    @Sendable func form(req: Request) async throws -> Response {
        try await req.render(await page(req))
    }

    @Sendable func recover(req: Request) async throws -> Response {
        if let wait = await req.takeLimit(.codeEntry) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)], reason: req.t("error_too_many"))
        }
        let input = try req.content.decode(RecoverInput.self)
        let password = input.password ?? ""
        if let problem = PasswordPolicy.problem(with: password, confirmation: input.passwordConfirmation ?? "") {
            return try await req.render(await page(req, input, passwordError: req.t(problem.messageKey)), status: .unprocessableEntity)
        }
        guard
            let next = try await req.haven.accounts.resetPassword(
                email: input.email ?? "", recoveryCode: HumanCode(typed: input.recoveryCode ?? ""), newPassword: password, on: req.db)
        else {
            return try await req.render(await page(req, input, codeError: req.t("recover_wrong")), status: .unprocessableEntity)
        }
        await req.keepCodesToShow([next.description], titleKey: "recovery_code_title", introKey: "recover_done_intro")
        return req.seeOther("/recovery-code")
    }
}
