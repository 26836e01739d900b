import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

extension Accounts {
    /// What a role change came to.
    enum RoleChange: Sendable, Equatable {
        /// Done; the copies the new role may not hold were removed, by kind.
        case changed(removed: [RecordKind: Int])
        /// Not done yet: the colleague is the only holder of these records, which only the recovery key would open
        /// afterwards. Asked again with `confirmed`.
        case needsConfirmation(soleHoldings: [RecordKind: Int])
    }

    /// Every user with their e-mail (opened with the administrator's directory key) and display name.
    func listing(for admin: SignedInStaff, on db: any Database) async throws -> [StaffListing] {
        let directoryKey = try await access.requireKey(
            of: .directory, for: admin, deniedAction: "directory.read.denied",
            reason: "You cannot read the staff directory.", on: db)
        let names = try await colleagues.names(for: admin, on: db)
        return try await User.query(on: db).sort(\.$createdAt).all().map { user in
            let id = try user.requireID()
            return StaffListing(
                id: id, email: (try? Self.openEmail(of: user, key: directoryKey)) ?? "—", displayName: names.name(of: id),
                role: user.role, status: user.status, hasSecondFactor: user.secondFactorSealed != nil,
                receivesIntake: user.receivesIntake)
        }
    }

    /// The user an administrator changes; refuses one's own account and the last active administrator when demoting or
    /// disabling.
    func target(_ id: UUID, demotingOrDisabling: Bool, by admin: SignedInStaff, on db: any Database) async throws -> User {
        let user = try await user(id, on: db)
        if demotingOrDisabling {
            if id == admin.id { throw AccountError.ownAccount }
            if user.role == .administrator, user.status == .active {
                let administrators = try await User.query(on: db).filter(\.$role == .administrator).filter(\.$status == .active).count()
                if administrators <= 1 { throw AccountError.lastAdministrator }
            }
        }
        return user
    }

    /// Changes a colleague's role, and with it everything authority follows, in one audited transaction: the key copies
    /// the new role may not hold (reports, cases, restricted incidents, the documentation, directory and colleagues keys)
    /// are removed, the instance-wide keys it holds are given, and whether they receive new reports follows too.
    /// When they are the only holder of records the new role may not hold, nothing changes until `confirmed`.
    func changeRole(of userID: UUID, to role: StaffRole, confirmed: Bool, by admin: SignedInStaff, on db: any Database) async throws
        -> RoleChange
    {
        let user = try await target(userID, demotingOrDisabling: role != .administrator, by: admin, on: db)
        let sole = try await access.soleHoldings(of: userID, becoming: role, on: db)
        if !sole.isEmpty, !confirmed { return .needsConfirmation(soleHoldings: sole) }
        let instanceKeys = try await access.instanceKeys(for: admin, on: db)
        user.role = role
        user.receivesIntake = role.triagesIntake
        let removed = try await audit.transaction(on: db) { tx, audit in
            try await user.save(on: tx)
            let removed = try await access.follow(role: role, of: user, instanceKeys: instanceKeys, on: tx)
            try await audit.append(actor: admin.actor, action: "user.role.\(role.rawValue)", table: User.schema, id: userID.uuidString)
            return removed
        }
        await sessions.updateRole(userID: userID, role: role)
        return .changed(removed: removed)
    }

    /// Disables an account (its sessions end at once) or enables it again.
    func setStatus(of userID: UUID, to status: AccountStatus, by admin: SignedInStaff, on db: any Database) async throws {
        let user = try await target(userID, demotingOrDisabling: status == .disabled, by: admin, on: db)
        user.status = (status == .active && user.storedKeys == nil) ? .invited : status
        try await audit.transaction(on: db) { tx, audit in
            try await user.save(on: tx)
            try await audit.append(
                actor: admin.actor, action: status == .disabled ? "user.disable" : "user.enable", table: User.schema,
                id: userID.uuidString)
        }
        if status == .disabled { await sessions.endAll(userID: userID) }
    }

    /// Switches whether new anonymous reports are sealed to a colleague; only intake roles may receive them (reports
    /// already received keep their key copies).
    func setReceivesIntake(_ receives: Bool, of userID: UUID, by admin: SignedInStaff, on db: any Database) async throws -> Bool {
        let user = try await target(userID, demotingOrDisabling: false, by: admin, on: db)
        guard !receives || user.role.triagesIntake else { return false }
        user.receivesIntake = receives
        try await audit.transaction(on: db) { tx, audit in
            try await user.save(on: tx)
            try await audit.append(
                actor: admin.actor, action: receives ? "user.intake.on" : "user.intake.off", table: User.schema,
                id: userID.uuidString)
        }
        return true
    }

    // MARK: The directory

    static func emailBinding(userID: UUID) -> FieldBinding {
        FieldBinding(table: User.schema, recordID: userID.uuidString, field: "email")
    }

    static func sealEmail(_ email: String, userID: UUID, key: SymmetricKey) throws -> Data {
        try FieldCipher.seal(email, with: key, binding: emailBinding(userID: userID))
    }

    static func openEmail(of user: User, key: SymmetricKey) throws -> String {
        try FieldCipher.open(user.emailSealed, with: key, binding: emailBinding(userID: user.requireID()))
    }
}
