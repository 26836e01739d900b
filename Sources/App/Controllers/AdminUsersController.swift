import Fluent
import HavenDomain
import HavenVault
import Vapor

/// `/app/admin/users`: administrators invite staff, change roles, disable accounts and reset second factors.
struct AdminUsersController: RouteCollection {
    /// What the invitation form posts.
    struct InviteInput: Content {
        var email: String?
        var role: String?
    }

    /// What a role menu posts.
    struct RoleInput: Content {
        var role: String
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
        let users = routes.grouped("app", "admin", "users")
        users.get(use: list)
        users.get("invite", use: inviteForm)
        users.post("invite", use: invite)
        users.post(":userID", "role", use: changeRole)
        users.post(":userID", "disable", use: disable)
        users.post(":userID", "enable", use: enable)
        users.post(":userID", "reset-second-factor", use: resetSecondFactor)
        users.post(":userID", "intake", use: intake)
        routes.post("app", "admin", "security", use: security)
    }

    private func roleChoices(_ req: Request) -> [AdminUsersPage.RoleChoice] {
        StaffRole.allCases.map { .init(code: $0.rawValue, name: req.t($0.labelKey)) }
    }

    @Sendable func list(req: Request) async throws -> View {
        let admin = try req.signedInStaff()
        let directoryKey = try await StaffDirectory.openKey(on: req.db, userID: admin.id, privateKey: admin.privateKey)
        let users = try await User.query(on: req.db).sort(\.$createdAt).all()
        let rows = try users.map { user in
            let id = try user.requireID()
            return AdminUsersPage.Row(
                id: id.uuidString, email: (try? StaffDirectory.openEmail(of: user, key: directoryKey)) ?? "—",
                role: user.role.rawValue, roleName: req.t(user.role.labelKey),
                status: user.status.rawValue, statusName: req.t("status_\(user.status.rawValue)"),
                hasSecondFactor: user.secondFactorSealed != nil, isSelf: id == admin.id, isDisabled: user.status == .disabled,
                receivesIntake: user.receivesIntake)
        }
        let page = AdminUsersPage(chrome: await .make(for: req, titleKey: "users_title"), users: rows,
                                  roles: roleChoices(req), requiresSecondFactor: req.haven.requiresSecondFactor)
        return try await req.view.render("admin-users", page)
    }

    @Sendable func inviteForm(req: Request) async throws -> View {
        try await req.view.render("admin-invite", AdminInviteForm(chrome: await .make(for: req, titleKey: "invite_title"), roles: roleChoices(req)))
    }

    @Sendable func invite(req: Request) async throws -> Response {
        let admin = try req.signedInStaff()
        let input = try req.content.decode(InviteInput.self)
        var form = AdminInviteForm(chrome: await .make(for: req, titleKey: "invite_title"), roles: roleChoices(req))
        form.email.value = input.email ?? ""
        form.role.value = input.role ?? ""
        let role = StaffRole(rawValue: form.role.value)
        if role == nil { form.role.error = req.t("invite_role_missing") }
        let email = EmailAddress(form.email.value)
        if email == nil { form.email.error = req.t("email_invalid") }
        if let email, let role {
            do {
                let code = try await Accounts.invite(app: req.application, db: req.db, email: email, role: role, by: admin)
                let done = AdminInviteDonePage(chrome: await .make(for: req, titleKey: "invite_done_title"), email: email.value,
                                               code: code.description, welcomeURL: welcomeURL(req))
                return try await req.view.render("admin-invite-done", done).encodeResponse(status: .created, for: req)
            } catch AccountError.emailTaken {
                form.email.error = req.t("invite_email_taken")
            }
        }
        return try await req.view.render("admin-invite", form).encodeResponse(status: .unprocessableEntity, for: req)
    }

    private func welcomeURL(_ req: Request) -> String {
        if let base = req.haven.configuration.publicURL { return base.appendingPathComponent("welcome").absoluteString }
        return "http://\(req.headers.first(name: .host) ?? "127.0.0.1:8080")/welcome"
    }

    /// The target user, refusing changes to one's own account and to the last active administrator.
    private func target(_ req: Request, demotingOrDisabling: Bool) async throws -> User {
        let admin = try req.signedInStaff()
        guard let id = req.parameters.get("userID", as: UUID.self), let user = try await User.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        if demotingOrDisabling {
            if id == admin.id { throw Abort(.conflict, reason: req.t("users_not_self")) }
            if user.role == .administrator, user.status == .active {
                let administrators = try await User.query(on: req.db).filter(\.$role == .administrator).filter(\.$status == .active).count()
                if administrators <= 1 { throw Abort(.conflict, reason: req.t("users_last_administrator")) }
            }
        }
        return user
    }

    @Sendable func changeRole(req: Request) async throws -> Response {
        let admin = try req.signedInStaff()
        guard let role = StaffRole(rawValue: try req.content.decode(RoleInput.self).role) else { throw Abort(.badRequest, reason: req.t("invite_role_missing")) }
        let user = try await target(req, demotingOrDisabling: role != .administrator)
        let userID = try user.requireID()
        let directoryKey = try await StaffDirectory.openKey(on: req.db, userID: admin.id, privateKey: admin.privateKey)
        let documentationKey = try await DocumentationKey.openIfHeld(userID: admin.id, privateKey: admin.privateKey, on: req.db)
        user.role = role
        try await req.haven.audit.transaction(on: req.db) { tx, audit in
            try await user.save(on: tx)
            if role == .administrator {
                try await StaffDirectory.grant(on: tx, key: directoryKey, to: user)
            } else {
                try await StaffDirectory.revoke(on: tx, from: userID)
            }
            try await DocumentationKey.follow(role: role, of: user, key: documentationKey, on: tx)
            try await audit.append(actor: admin.id.uuidString, action: "user.role.\(role.rawValue)",
                                             table: User.schema, id: userID.uuidString)
        }
        await req.haven.sessions.updateRole(userID: userID, role: role)
        return try await noticeAndReturn(req, "users_role_changed")
    }

    @Sendable func disable(req: Request) async throws -> Response {
        try await setStatus(req, .disabled, action: "user.disable", notice: "users_disabled")
    }

    @Sendable func enable(req: Request) async throws -> Response {
        try await setStatus(req, .active, action: "user.enable", notice: "users_enabled")
    }

    private func setStatus(_ req: Request, _ status: AccountStatus, action: String, notice: String) async throws -> Response {
        let admin = try req.signedInStaff()
        let user = try await target(req, demotingOrDisabling: status == .disabled)
        let userID = try user.requireID()
        user.status = (status == .active && user.storedKeys == nil) ? .invited : status
        try await req.haven.audit.transaction(on: req.db) { tx, audit in
            try await user.save(on: tx)
            try await audit.append(actor: admin.id.uuidString, action: action, table: User.schema, id: userID.uuidString)
        }
        if status == .disabled { await req.haven.sessions.endAll(userID: userID) }
        return try await noticeAndReturn(req, notice)
    }

    @Sendable func resetSecondFactor(req: Request) async throws -> Response {
        let admin = try req.signedInStaff()
        let user = try await target(req, demotingOrDisabling: false)
        let userID = try user.requireID()
        user.secondFactorSealed = nil
        user.secondFactorLastStep = nil
        try await req.haven.audit.transaction(on: req.db) { tx, audit in
            try await user.save(on: tx)
            try await audit.append(actor: admin.id.uuidString, action: "user.second-factor.reset",
                                             table: User.schema, id: userID.uuidString)
        }
        await req.haven.sessions.updateSecondFactor(userID: userID, enrolled: false)
        return try await noticeAndReturn(req, "users_second_factor_reset")
    }

    /// Switches whether new anonymous reports are sealed to a user (reports already received keep their key copies).
    @Sendable func intake(req: Request) async throws -> Response {
        let admin = try req.signedInStaff()
        let user = try await target(req, demotingOrDisabling: false)
        let userID = try user.requireID()
        user.receivesIntake = try req.content.decode(IntakeInput.self).receivesIntake == "yes"
        try await req.haven.audit.transaction(on: req.db) { tx, audit in
            try await user.save(on: tx)
            try await audit.append(actor: admin.id.uuidString,
                                             action: user.receivesIntake ? "user.intake.on" : "user.intake.off", table: User.schema, id: userID.uuidString)
        }
        return try await noticeAndReturn(req, "users_intake_saved")
    }

    @Sendable func security(req: Request) async throws -> Response {
        let admin = try req.signedInStaff()
        let required = try req.content.decode(SecurityInput.self).requireSecondFactor == "yes"
        guard let organisation = try await Organisation.current(on: req.db) else { throw Abort(.notFound) }
        organisation.requiresSecondFactor = required
        try await req.haven.audit.transaction(on: req.db) { tx, audit in
            try await organisation.save(on: tx)
            try await audit.append(actor: admin.id.uuidString,
                                             action: required ? "settings.second-factor.require" : "settings.second-factor.optional")
        }
        req.haven.requiresSecondFactor = required
        return try await noticeAndReturn(req, "users_security_saved")
    }

    private func noticeAndReturn(_ req: Request, _ notice: String) async throws -> Response {
        await req.seeOther("/app/admin/users", notice: notice)
    }
}
