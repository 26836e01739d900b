import HavenDomain
import Vapor

/// Signing in and out.
struct SessionController: RouteCollection {
    /// What the sign-in form posts.
    struct LoginInput: Content {
        var email: String?
        var password: String?
        var code: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: form)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
    }

    @Sendable func form(req: Request) async throws -> Response {
        if req.staffSession?.isSignedIn == true { return req.seeOther("/app") }
        guard try await req.haven.setup.isComplete(on: req.db) else { return req.seeOther("/setup") }
        return try await req.render(LoginPage(chrome: await .make(for: req, titleKey: "login_title")))
    }

    @Sendable func login(req: Request) async throws -> Response {
        let input = try req.content.decode(LoginInput.self)
        let email = input.email ?? ""
        // Only an address that parses can be an account: typing a million junk strings makes no bucket per string.
        if let wait = await req.takeLimit(.signIn(account: EmailAddress(email))) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)], reason: req.t("error_too_many"))
        }
        let accounts = req.haven.accounts
        let user = try await accounts.authenticate(email: email, password: input.password ?? "", code: input.code ?? "", on: req.db)
        try await accounts.recordSignIn(user, on: req.db)
        guard let user else {
            var page = LoginPage(chrome: await .make(for: req, titleKey: "login_title"))
            page.email.value = email
            page.error = req.t("login_failed")
            return try await req.render(page, status: .unauthorized)
        }
        let chosenBefore = req.staffSession?.language
        var session = await req.renewSession()
        session.userID = user.id
        session.role = user.role
        session.privateKey = user.privateKey
        session.hasSecondFactor = user.hasSecondFactor
        session.language = user.language.flatMap(Language.init(rawValue:)) ?? chosenBefore
        await req.saveSession(session)
        return req.seeOther("/app")
    }

    @Sendable func logout(req: Request) async throws -> Response {
        if let userID = req.staffSession?.userID { try await req.haven.accounts.recordSignOut(userID, on: req.db) }
        await req.endSession()
        return req.seeOther("/login")
    }
}
