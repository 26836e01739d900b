import HavenDomain
import HavenVault
import Vapor

/// `/welcome`: a person with an invitation or reset code chooses their password.
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
    }

    @Sendable func form(req: Request) async throws -> View {
        try await req.view.render("welcome", WelcomeForm(chrome: await .make(for: req, titleKey: "welcome_title")))
    }

    @Sendable func redeem(req: Request) async throws -> Response {
        if let wait = await req.takeLimit(.codeEntry) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)], reason: req.t("error_too_many"))
        }
        let input = try req.content.decode(WelcomeInput.self)
        var page = WelcomeForm(chrome: await .make(for: req, titleKey: "welcome_title"))
        page.code.value = input.code ?? ""
        let password = input.password ?? ""
        if let problem = PasswordPolicy.problem(with: password, confirmation: input.passwordConfirmation ?? "") {
            page.password.error = req.t(problem.messageKey)
            return try await req.view.render("welcome", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        guard try await Accounts.redeem(app: req.application, db: req.db, code: HumanCode(typed: page.code.value), password: password) != nil else {
            page.code.error = req.t("welcome_code_wrong")
            return try await req.view.render("welcome", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        var session = await req.session()
        session.notice = "welcome_done"
        await req.saveSession(session)
        return req.seeOther("/login")
    }
}
