import HavenDomain
import HavenVault
import Vapor

/// `/app/account`: a staff member's own display name, password, second factor with its backup codes, and personal
/// recovery code.
struct AccountController: RouteCollection {
    /// What the password form posts.
    struct PasswordInput: Content {
        var current: String?
        var password: String?
        var passwordConfirmation: String?
    }

    /// What the name form posts.
    struct NameInput: Content {
        var displayName: String?
    }

    /// What the enrolment form posts.
    struct CodeInput: Content {
        var code: String?
        var enrolmentCode: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let account = routes.grouped("app", "account")
        account.get(use: show)
        account.post("name", use: rename)
        account.post("password", use: changePassword)
        account.get("second-factor", use: secondFactor)
        account.post("second-factor", use: enrol)
        account.post("notices", use: setNoticeAddress)
        account.post("recovery-code", use: newRecoveryCode)
        account.post("backup-codes", use: newBackupCodes)
        account.get("codes", use: showCodes)
    }

    /// What the notices form posts: an address, or nothing to stop notices.
    struct NoticeInput: Content {
        var address: String?
    }

    private func page(
        _ req: Request, name: FieldState? = nil, currentError: String? = nil, passwordError: String? = nil, notice: FieldState? = nil
    ) async throws -> AccountPage {
        let staff = try req.staff()
        var displayName = name ?? FieldState()
        if name == nil { displayName.value = try await req.haven.colleagues.ownName(for: staff, on: req.db) }
        var address = notice ?? FieldState()
        if notice == nil { address.value = try await req.haven.notices.address(of: staff.id, on: req.db) }
        return AccountPage(
            chrome: await .make(for: req, titleKey: "account_title"), hasSecondFactor: req.staffSession?.hasSecondFactor ?? false,
            backupCodesLeft: try await req.haven.accounts.backupCodesLeft(for: staff.id, on: req.db),
            displayName: .text(
                "displayName", label: req.t("field_display_name"), state: displayName, hint: req.t("display_name_hint"),
                maxLength: Colleagues.maximumLength),
            current: .password("current", label: req.t("account_current_password"), error: currentError, autocomplete: "current-password"),
            newPassword: NewPasswordFields(t: req.t, error: passwordError),
            noticeAddress: .text(
                "address", label: req.t("notices_address"), state: address, hint: req.t("notices_address_hint"),
                maxLength: EmailAddress.maximumLength),
            noticesConfigured: req.haven.notices.isConfigured)
    }

    @Sendable func setNoticeAddress(req: Request) async throws -> Response {
        let staff = try req.staff()
        let typed = (try req.content.decode(NoticeInput.self).address ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let address = EmailAddress(typed)
        guard typed.isEmpty || address.map(NoticeMailer.isDeliverable) == true else {
            let state = FieldState(value: typed, error: req.t("email_invalid"))
            return try await req.render(try await page(req, notice: state), status: .unprocessableEntity)
        }
        try await req.haven.notices.setAddress(address, of: staff.id, on: req.db)
        return await req.seeOther("/app/account", notice: typed.isEmpty ? "notices_off" : "notices_on")
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await req.render(try await page(req))
    }

    @Sendable func rename(req: Request) async throws -> Response {
        let staff = try req.staff()
        let name = (try req.content.decode(NameInput.self).displayName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= Colleagues.maximumLength else {
            let error = req.t(name.isEmpty ? "display_name_missing" : "report_problem_fieldTooLong")
            return try await req.render(try await page(req, name: FieldState(value: name, error: error)), status: .unprocessableEntity)
        }
        try await req.haven.colleagues.setOwnName(name, for: staff, on: req.db)
        return await req.seeOther("/app/account", notice: "account_display_name_saved")
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        let input = try req.content.decode(PasswordInput.self)
        let session = await req.session()
        if let problem = PasswordPolicy.problem(with: input.password ?? "", confirmation: input.passwordConfirmation ?? "") {
            return try await req.render(try await page(req, passwordError: req.t(problem.messageKey)), status: .unprocessableEntity)
        }
        guard
            try await req.haven.accounts.changePassword(
                session: session, current: input.current ?? "", new: input.password ?? "", on: req.db)
        else {
            return try await req.render(try await page(req, currentError: req.t("account_current_wrong")), status: .unprocessableEntity)
        }
        return await req.seeOther("/app/account", notice: "account_password_changed")
    }

    @Sendable func secondFactor(req: Request) async throws -> Response {
        var session = await req.session()
        let secret = session.pendingTOTPSecret ?? TOTP.newSecret()
        if !session.hasSecondFactor, session.pendingTOTPSecret == nil {
            session.pendingTOTPSecret = secret
            await req.saveSession(session)
        }
        return try await req.render(try await secondFactorPage(req, session: session, secret: secret))
    }

    @Sendable func enrol(req: Request) async throws -> Response {
        let input = try req.content.decode(CodeInput.self)
        var session = await req.session()
        guard let userID = session.userID, let secret = session.pendingTOTPSecret, !session.hasSecondFactor else {
            return req.seeOther("/app/account/second-factor")
        }
        do {
            try await req.haven.accounts.enrolSecondFactor(
                userID: userID, secret: secret, code: input.code ?? "",
                enrolmentCode: input.enrolmentCode ?? "", on: req.db)
        } catch let refusal as Accounts.EnrolmentRefusal {
            var page = try await secondFactorPage(req, session: session, secret: secret)
            page.code = FieldState(value: input.code ?? "", error: refusal == .wrongCode ? req.t("second_factor_code_wrong") : nil)
            page.enrolmentCode = FieldState(
                value: input.enrolmentCode ?? "",
                error: refusal == .needsEnrolmentCode ? req.t("second_factor_needs_enrolment_code") : nil)
            return try await req.render(page, status: .unprocessableEntity)
        }
        session = await req.session()
        session.pendingTOTPSecret = nil
        session.hasSecondFactor = true
        await req.saveSession(session)
        let codes = try await req.haven.accounts.newBackupCodes(for: userID, on: req.db)
        await req.keepCodesToShow(codes.map(\.description), titleKey: "backup_codes_title", introKey: "backup_codes_intro_enrolled")
        return req.seeOther("/app/account/codes")
    }

    @Sendable func newRecoveryCode(req: Request) async throws -> Response {
        let session = await req.session()
        guard let userID = session.userID, let privateKey = session.privateKey else { throw Abort(.unauthorized) }
        let code = try await req.haven.accounts.newRecoveryCode(for: userID, privateKey: privateKey, on: req.db)
        await req.keepCodesToShow([code.description], titleKey: "recovery_code_title", introKey: "recovery_code_intro")
        return req.seeOther("/app/account/codes")
    }

    @Sendable func newBackupCodes(req: Request) async throws -> Response {
        let session = await req.session()
        guard let userID = session.userID else { throw Abort(.unauthorized) }
        guard session.hasSecondFactor else { return req.seeOther("/app/account/second-factor") }
        let codes = try await req.haven.accounts.newBackupCodes(for: userID, on: req.db)
        await req.keepCodesToShow(codes.map(\.description), titleKey: "backup_codes_title", introKey: "backup_codes_intro")
        return req.seeOther("/app/account/codes")
    }

    @Sendable func showCodes(req: Request) async throws -> Response {
        try await req.showKeptCodes(continuePath: "/app", continueKey: "codes_continue", otherwise: "/app/account")
    }

    private func secondFactorPage(_ req: Request, session: StaffSession, secret: Data) async throws -> SecondFactorPage {
        let chrome = await PageChrome.make(for: req, titleKey: "second_factor_title")
        let organisation = try await req.haven.setup.organisationName(on: req.db)
        let enrolled = session.hasSecondFactor
        let uri = enrolled ? "" : TOTP.provisioningURI(secret: secret, account: "staff", issuer: organisation)
        let qr = enrolled ? nil : try? QRCode(uri)
        return SecondFactorPage(
            chrome: chrome, isEnrolled: enrolled, isRequired: req.haven.requiresSecondFactor,
            secret: enrolled ? "" : HumanCode.group(Base32.encodeRFC4648(secret)).replacingOccurrences(of: "-", with: " "),
            uri: uri, qrPath: qr?.svgPath ?? "", qrSide: (qr?.size ?? 0) + 8,
            needsEnrolmentCode: !enrolled && req.haven.accounts.enrolmentNeedsCode)
    }
}
