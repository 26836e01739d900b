import HavenDomain
import HavenVault
import Vapor

/// `/app/account`: a staff member's own password and second factor.
struct AccountController: RouteCollection {
    /// What the password form posts.
    struct PasswordInput: Content {
        var current: String?
        var password: String?
        var passwordConfirmation: String?
    }

    /// What the enrolment form posts.
    struct CodeInput: Content {
        var code: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let account = routes.grouped("app", "account")
        account.get(use: page)
        account.post("password", use: changePassword)
        account.get("second-factor", use: secondFactor)
        account.post("second-factor", use: enrol)
    }

    @Sendable func page(req: Request) async throws -> View {
        let chrome = await PageChrome.make(for: req, titleKey: "account_title")
        return try await req.view.render("account", AccountPage(chrome: chrome, hasSecondFactor: req.staffSession?.hasSecondFactor ?? false))
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        let input = try req.content.decode(PasswordInput.self)
        let session = await req.session()
        var page = AccountPage(chrome: await .make(for: req, titleKey: "account_title"), hasSecondFactor: session.hasSecondFactor)
        if let problem = PasswordPolicy.problem(with: input.password ?? "", confirmation: input.passwordConfirmation ?? "") {
            page.password.error = req.t(problem.messageKey)
        } else if try await !Accounts.changePassword(app: req.application, db: req.db, session: session,
                                                     current: input.current ?? "", new: input.password ?? "") {
            page.current.error = req.t("account_current_wrong")
        }
        if page.password.error != nil || page.current.error != nil {
            return try await req.view.render("account", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        var updated = await req.session()
        updated.notice = "account_password_changed"
        await req.saveSession(updated)
        return req.seeOther("/app/account")
    }

    @Sendable func secondFactor(req: Request) async throws -> View {
        var session = await req.session()
        let secret = session.pendingTOTPSecret ?? TOTP.newSecret()
        if !session.hasSecondFactor, session.pendingTOTPSecret == nil {
            session.pendingTOTPSecret = secret
            await req.saveSession(session)
        }
        return try await req.view.render("second-factor", try await secondFactorPage(req, session: session, secret: secret))
    }

    @Sendable func enrol(req: Request) async throws -> Response {
        let input = try req.content.decode(CodeInput.self)
        var session = await req.session()
        guard let userID = session.userID, let secret = session.pendingTOTPSecret, !session.hasSecondFactor else {
            return req.seeOther("/app/account/second-factor")
        }
        guard try await Accounts.enrolSecondFactor(app: req.application, db: req.db, userID: userID, secret: secret, code: input.code ?? "") else {
            var page = try await secondFactorPage(req, session: session, secret: secret)
            page.code = FieldState(value: input.code ?? "", error: req.t("second_factor_code_wrong"))
            return try await req.view.render("second-factor", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        session = await req.session()
        session.pendingTOTPSecret = nil
        session.hasSecondFactor = true
        session.notice = "second_factor_enrolled"
        await req.saveSession(session)
        return req.seeOther("/app")
    }

    private func secondFactorPage(_ req: Request, session: StaffSession, secret: Data) async throws -> SecondFactorPage {
        let chrome = await PageChrome.make(for: req, titleKey: "second_factor_title")
        let organisation = try await Organisation.current(on: req.db)?.name ?? "Haven"
        let enrolled = session.hasSecondFactor
        return SecondFactorPage(
            chrome: chrome, isEnrolled: enrolled, isRequired: req.haven.requiresSecondFactor,
            secret: enrolled ? "" : HumanCode.group(Base32.encodeRFC4648(secret)).replacingOccurrences(of: "-", with: " "),
            uri: enrolled ? "" : TOTP.provisioningURI(secret: secret, account: "staff", issuer: organisation))
    }
}
