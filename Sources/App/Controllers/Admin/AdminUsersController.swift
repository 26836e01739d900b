import HavenDomain
import HavenVault
import Vapor

/// `/app/admin/users`: administrators invite staff, change roles, disable accounts and manage second factors.
struct AdminUsersController: RouteCollection {
    /// What the invitation form posts.
    struct InviteInput: Content {
        var email: String?
        var displayName: String?
        var role: String?
    }

    /// What a role menu (and its confirmation) posts.
    struct RoleInput: Content {
        var role: String
        var confirmed: String?
    }

    /// What the intake switch posts.
    struct IntakeInput: Content {
        var receivesIntake: String?
    }

    /// What the security settings form posts.
    struct SecurityInput: Content {
        var requireSecondFactor: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped(RequireCapability(.managesUsers)).grouped("app", "admin", "users")
        users.get(use: list)
        users.get("invite", use: inviteForm)
        users.post("invite", use: invite)
        users.post(":userID", "role", use: changeRole)
        users.post(":userID", "disable", use: disable)
        users.post(":userID", "enable", use: enable)
        users.post(":userID", "reset-second-factor", use: resetSecondFactor)
        users.post(":userID", "enrolment-code", use: enrolmentCode)
        users.post(":userID", "intake", use: intake)
        users.get(":userID", "recover", use: recoverForm)
        users.post(":userID", "recover", use: recover)
        routes.post("app", "admin", "security", use: security)
    }

    private func roleChoices(_ req: Request, chosen: String = "") -> [Choice] {
        StaffRole.allCases.map { Choice(code: $0.rawValue, name: req.t($0.labelKey), isChosen: $0.rawValue == chosen) }
    }

    private func userID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("userID", as: UUID.self) else { throw Abort(.notFound) }
        return id
    }

    /// Runs an account change; the refusals an administrator can act on come back as 409 with their reason.
    private func refusingConflicts<T>(_ req: Request, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch AccountError.ownAccount {
            throw Abort(.conflict, reason: req.t("users_not_self"))
        } catch AccountError.lastAdministrator {
            throw Abort(.conflict, reason: req.t("users_last_administrator"))
        }
    }

    @Sendable func list(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let rows = try await req.haven.accounts.listing(for: admin, on: req.db).map { user in
            AdminUsersPage.Row(
                id: user.id.uuidString, email: user.email, displayName: user.displayName, role: user.role.rawValue,
                roleName: req.t(user.role.labelKey), status: user.status.rawValue, statusName: req.t("status_\(user.status.rawValue)"),
                hasSecondFactor: user.hasSecondFactor, isSelf: user.id == admin.id, isDisabled: user.status == .disabled,
                receivesIntake: user.receivesIntake, mayReceiveIntake: user.role.triagesIntake)
        }
        return try await req.render(
            AdminUsersPage(
                chrome: await .make(for: req, titleKey: "users_title"), users: rows, roles: roleChoices(req),
                requiresSecondFactor: req.haven.requiresSecondFactor))
    }

    @Sendable func inviteForm(req: Request) async throws -> Response {
        try await req.render(
            AdminInvitePage(chrome: await .make(for: req, titleKey: "invite_title"), roles: roleChoices(req, chosen: "caseworker")))
    }

    @Sendable func invite(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let input = try req.content.decode(InviteInput.self)
        var form = AdminInvitePage(
            chrome: await .make(for: req, titleKey: "invite_title"), roles: roleChoices(req, chosen: input.role ?? ""))
        form.email.value = input.email ?? ""
        form.displayName.value = (input.displayName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        form.role.value = input.role ?? ""
        let role = StaffRole(rawValue: form.role.value)
        if role == nil { form.role.error = req.t("invite_role_missing") }
        let email = EmailAddress(form.email.value)
        if email == nil { form.email.error = req.t("email_invalid") }
        if form.displayName.value.count > Colleagues.maximumLength { form.displayName.error = req.t("report_problem_fieldTooLong") }
        if let email, let role, form.displayName.error == nil {
            do {
                let code = try await req.haven.accounts.invite(
                    email: email, displayName: form.displayName.value, role: role, by: admin, on: req.db)
                return try await req.render(
                    OneTimeCodePage(
                        chrome: await .make(for: req, titleKey: "invite_done_title"),
                        intro: req.t("invite_done_intro"), recipient: email.value, code: GroupedCode(code.description),
                        whereURL: address(req, "welcome")), status: .created)
            } catch AccountError.emailTaken {
                form.email.error = req.t("invite_email_taken")
            }
        }
        return try await req.render(form, status: .unprocessableEntity)
    }

    private func address(_ req: Request, _ path: String) -> String {
        if let base = req.haven.configuration.publicURL { return base.appendingPathComponent(path).absoluteString }
        return "http://\(req.headers.first(name: .host) ?? "127.0.0.1:8080")/\(path)"
    }

    @Sendable func changeRole(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let input = try req.content.decode(RoleInput.self)
        guard let role = StaffRole(rawValue: input.role) else { throw Abort(.badRequest, reason: req.t("invite_role_missing")) }
        let id = try userID(req)
        let outcome = try await refusingConflicts(req) {
            try await req.haven.accounts.changeRole(of: id, to: role, confirmed: input.confirmed == "yes", by: admin, on: req.db)
        }
        guard case .needsConfirmation(let sole) = outcome else { return await back(req, "users_role_changed") }
        let names = try await req.haven.colleagues.names(for: admin, on: req.db)
        let losses = sole.sorted { $0.key.rawValue < $1.key.rawValue }.map { kind, count in
            "\(count) — \(req.t("users_sole_\(kind.rawValue)"))"
        }
        return try await req.render(
            RoleChangePage(
                chrome: await .make(for: req, titleKey: "users_role_change_title"), userID: id.uuidString,
                displayName: names.name(of: id), role: role.rawValue, roleName: req.t(role.labelKey),
                losses: losses), status: .conflict)
    }

    @Sendable func disable(req: Request) async throws -> Response {
        try await setStatus(req, .disabled, notice: "users_disabled")
    }

    @Sendable func enable(req: Request) async throws -> Response {
        try await setStatus(req, .active, notice: "users_enabled")
    }

    private func setStatus(_ req: Request, _ status: AccountStatus, notice: String) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let id = try userID(req)
        try await refusingConflicts(req) { try await req.haven.accounts.setStatus(of: id, to: status, by: admin, on: req.db) }
        return await back(req, notice)
    }

    @Sendable func resetSecondFactor(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        try await req.haven.accounts.resetSecondFactor(of: try userID(req), by: admin, on: req.db)
        return await back(req, "users_second_factor_reset")
    }

    @Sendable func enrolmentCode(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let id = try userID(req)
        let code = try await req.haven.accounts.issueEnrolmentCode(for: id, by: admin, on: req.db)
        let names = try await req.haven.colleagues.names(for: admin, on: req.db)
        return try await req.render(
            OneTimeCodePage(
                chrome: await .make(for: req, titleKey: "users_enrolment_code"),
                intro: req.t("users_enrolment_code_intro"), recipient: names.name(of: id), code: GroupedCode(code.description),
                whereURL: address(req, "app/account/second-factor")), status: .created)
    }

    /// What the recovery form posts: the organisation's recovery key, typed from paper.
    struct RecoverInput: Content {
        var recoveryKey: String?
    }

    /// The recovery page: a warning, and the recovery key typed in (never stored, never shown again).
    @Sendable func recoverForm(req: Request) async throws -> Response {
        try await req.render(try await recoverPage(req, error: nil))
    }

    private func recoverPage(_ req: Request, error: String?) async throws -> AdminRecoverPage {
        let admin = try req.require(.managesUsers)
        let id = try userID(req)
        _ = try await req.haven.accounts.user(id, on: req.db)
        let names = try await req.haven.colleagues.names(for: admin, on: req.db)
        return AdminRecoverPage(
            chrome: await .make(for: req, titleKey: "users_recover_title"), userID: id.uuidString, recipient: names.name(of: id),
            recoveryKey: FieldState(value: "", error: error))
    }

    /// Recovers a colleague who lost their password and recovery code: a one-time code to choose a new password with.
    @Sendable func recover(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let id = try userID(req)
        let typed = try req.content.decode(RecoverInput.self).recoveryKey ?? ""
        guard typed.utf8.count <= 1000, let recoveryKey = try? RecoveryKey.parse(typed) else {
            return try await req.render(
                try await recoverPage(req, error: req.t("users_recover_key_malformed")), status: .unprocessableEntity)
        }
        let code: HumanCode
        do {
            code = try await req.haven.accounts.recover(id, recoveryPrivateKey: recoveryKey, actor: admin.actor, on: req.db)
        } catch AccountError.wrongRecoveryKey {
            return try await req.render(try await recoverPage(req, error: req.t("users_recover_key_wrong")), status: .unprocessableEntity)
        } catch AccountError.noSuchUser {
            throw Abort(.conflict, reason: req.t("users_recover_disabled"))
        }
        let names = try await req.haven.colleagues.names(for: admin, on: req.db)
        return try await req.render(
            OneTimeCodePage(
                chrome: await .make(for: req, titleKey: "users_recover_title"), intro: req.t("users_recover_done"),
                recipient: names.name(of: id), code: GroupedCode(code.description), whereURL: address(req, "welcome")),
            status: .created)
    }

    /// Switches whether new anonymous reports are sealed to a user (reports already received keep their key copies).
    @Sendable func intake(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let receives = try req.content.decode(IntakeInput.self).receivesIntake == "yes"
        guard try await req.haven.accounts.setReceivesIntake(receives, of: try userID(req), by: admin, on: req.db) else {
            throw Abort(.conflict, reason: req.t("users_intake_not_role"))
        }
        return await back(req, "users_intake_saved")
    }

    @Sendable func security(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let required = try req.content.decode(SecurityInput.self).requireSecondFactor == "yes"
        do {
            try await req.haven.accounts.setRequiresSecondFactor(required, by: admin, on: req.db)
        } catch Accounts.EnrolmentRefusal.enrolYourselfFirst {
            throw Abort(.conflict, reason: req.t("users_security_enrol_first"))
        }
        return await back(req, "users_security_saved")
    }

    private func back(_ req: Request, _ notice: String) async -> Response {
        await req.seeOther("/app/admin/users", notice: notice)
    }
}
