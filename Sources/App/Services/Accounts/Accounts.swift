import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import SQLKit
import Vapor

/// Staff accounts: signing in, passwords, invitations, recovery, second factors, roles and the directory.
struct Accounts: Sendable {
    let audit: AuditLog
    let access: RecordAccess
    let colleagues: Colleagues
    let lookupKey: LookupKey
    let keys: KeyDerivation
    let sessions: SessionStore
    let instance: InstanceState

    static func secondFactorContext(_ userID: UUID) -> String { "second-factor/\(userID.uuidString)" }

    /// The user with an e-mail, if any.
    func user(email: EmailAddress, on db: any Database) async throws -> User? {
        try await User.find(on: db, emailLookup: lookupKey.emailLookup(email.value))
    }

    /// A user by id; 404 when there is none.
    func user(_ id: UUID, on db: any Database) async throws -> User {
        guard let user = try await User.find(id, on: db) else { throw Abort(.notFound) }
        return user
    }

    /// Checks e-mail, password and (when enrolled) a TOTP code or one of the backup codes. Every failure is the same nil
    /// after the same scrypt run; a code is taken by a conditional update or delete, so two sign-ins with one code
    /// cannot both pass.
    func authenticate(email: String, password: String, code: String, now: Date = Date(), on db: any Database) async throws -> SignedInUser?
    {
        let normalized = EmailAddress(email)?.value ?? email.lowercased()
        let user = try await User.find(on: db, emailLookup: lookupKey.emailLookup(normalized))
        guard password.utf8.count <= PasswordKDF.maximumPasswordBytes else { return nil }
        guard !password.isEmpty, let user, user.status == .active, let stored = user.storedKeys,
            let parameters = KDFParameters(encoded: stored.kdfParameters)
        else {
            _ = try await keys.secrets(
                password: password.isEmpty ? "decoy" : password, salt: lookupKey.decoySalt(normalized),
                parameters: keys.parameters)
            return nil
        }
        let secrets = try await keys.secrets(password: password, salt: stored.salt, parameters: parameters)
        let userID = try user.requireID()
        guard ConstantTime.equals(secrets.verifierHash, stored.verifierHash),
            let privateKey = try? UserKeys.unlock(stored, userID: userID.uuidString, secrets: secrets)
        else { return nil }
        if let sealedSecret = user.secondFactorSealed {
            let secret = try? KeyEnvelope.open(sealedSecret, with: privateKey, context: Self.secondFactorContext(userID))
            if let secret, let step = TOTP.verify(code, secret: secret, at: now, after: user.secondFactorLastStep) {
                guard try await takeStep(step, of: userID, on: db) else { return nil }
            } else {
                guard try await takeBackupCode(code, of: userID, on: db) else { return nil }
            }
        }
        return SignedInUser(
            id: userID, role: user.role, language: user.language, privateKey: privateKey,
            hasSecondFactor: user.secondFactorSealed != nil)
    }

    /// Records a TOTP step as used, only if it is later than the last one: exactly one of two sign-ins racing with the
    /// same code changes the row.
    func takeStep(_ step: Int64, of userID: UUID, on db: any Database) async throws -> Bool {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            UPDATE users SET second_factor_last_step = \(bind: step) WHERE id = \(bind: userID) \
            AND (second_factor_last_step IS NULL OR second_factor_last_step < \(bind: step)) RETURNING id
            """
        ).all()
        return rows.count == 1
    }

    /// Changes a password after checking the current one; the private key is re-sealed, other sessions end.
    /// Returns false when the current password is wrong.
    func changePassword(session: StaffSession, current: String, new: String, on db: any Database) async throws -> Bool {
        guard let userID = session.userID, let privateKey = session.privateKey, let user = try await User.find(userID, on: db),
            try await verifies(current, of: user), let organisation = try await Organisation.current(on: db)
        else { return false }
        let recoveryKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: organisation.recoveryPublicKey)
        user.apply(try await keys.seal(privateKey, userID: userID, password: new, recoveryKey: recoveryKey))
        try await audit.transaction(on: db) { tx, audit in
            try await user.save(on: tx)
            try await audit.append(actor: userID.uuidString, action: "user.password.change", table: User.schema, id: userID.uuidString)
        }
        await sessions.endAll(userID: userID, except: session.key)
        return true
    }

    /// Whether `password` is the signed-in user's current one (asked again before an export); one KDF run.
    func confirmsPassword(_ password: String, of userID: UUID, on db: any Database) async throws -> Bool {
        guard let user = try await User.find(userID, on: db) else { return false }
        return try await verifies(password, of: user)
    }

    /// Whether `password` is the user's: one KDF run against the stored verifier.
    private func verifies(_ password: String, of user: User) async throws -> Bool {
        guard !password.isEmpty, password.utf8.count <= PasswordKDF.maximumPasswordBytes, let stored = user.storedKeys,
            let parameters = KDFParameters(encoded: stored.kdfParameters)
        else { return false }
        let secrets = try await keys.secrets(password: password, salt: stored.salt, parameters: parameters)
        return ConstantTime.equals(secrets.verifierHash, stored.verifierHash)
    }

    /// Records a sign-in's outcome in the audit log.
    func recordSignIn(_ user: SignedInUser?, on db: any Database) async throws {
        if let user {
            try await audit.append(on: db, actor: user.id.uuidString, action: "login.success", table: User.schema, id: user.id.uuidString)
        } else {
            try await audit.append(on: db, actor: "anonymous", action: "login.failure")
        }
    }

    /// Keeps a user's chosen interface language.
    func setLanguage(_ language: Language, of userID: UUID, on db: any Database) async throws {
        guard let user = try await User.find(userID, on: db) else { return }
        user.language = language.rawValue
        try await user.save(on: db)
    }

    /// Records a sign-out.
    func recordSignOut(_ userID: UUID, on db: any Database) async throws {
        try await audit.append(on: db, actor: userID.uuidString, action: "logout", table: User.schema, id: userID.uuidString)
    }
}
