import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import SQLKit
import Vapor

/// Ways back in without shell access: a personal recovery code with which a user sets a new password themselves, ten
/// one-time backup codes for a lost phone, and an administrator's recovery of a colleague with the recovery key typed
/// into a form.
extension Accounts {
    /// How many backup codes a user gets at a time.
    static let backupCodeCount = 10

    /// A new personal recovery code for a signed-in user (their private key at hand); the previous one stops working.
    /// Returns the code, to be shown once.
    func newRecoveryCode(for userID: UUID, privateKey: Curve25519.KeyAgreement.PrivateKey, on db: any Database) async throws
        -> HumanCode
    {
        let user = try await user(userID, on: db)
        let code = try seal(privateKey, ofUser: user, underRecoveryCode: HumanCode.random())
        try await audit.transaction(on: db) { tx, audit in
            try await user.save(on: tx)
            try await audit.append(actor: userID.uuidString, action: "user.recovery-code.new", table: User.schema, id: userID.uuidString)
        }
        return code
    }

    /// A user who forgot their password sets a new one with their personal recovery code. The code is used up: a new one
    /// is returned, to be shown once. Nil for an unknown e-mail, a disabled account or a wrong code alike. Every session
    /// of the user ends; a second factor is still asked at the next sign-in.
    func resetPassword(email: String, recoveryCode: HumanCode, newPassword: String, on db: any Database) async throws -> HumanCode? {
        let normalized = EmailAddress(email)?.value ?? email.lowercased()
        guard let user = try await User.find(on: db, emailLookup: lookupKey.emailLookup(normalized)), user.status == .active,
            let sealed = user.personalRecoverySealedKey, let digest = user.personalRecoveryDigest,
            ConstantTime.equals(digest, recoveryCode.digest), let organisation = try await Organisation.current(on: db)
        else { return nil }
        let userID = try user.requireID()
        guard let privateKey = try? UserKeys.openWithRecoveryCode(sealed, code: recoveryCode, userID: userID.uuidString) else {
            return nil
        }
        let recoveryKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: organisation.recoveryPublicKey)
        user.apply(try await keys.seal(privateKey, userID: userID, password: newPassword, recoveryKey: recoveryKey))
        let next = try seal(privateKey, ofUser: user, underRecoveryCode: HumanCode.random())
        try await audit.transaction(on: db) { tx, audit in
            try await user.save(on: tx)
            try await audit.append(
                actor: userID.uuidString, action: "user.password.personal-recovery", table: User.schema, id: userID.uuidString)
        }
        await sessions.endAll(userID: userID)
        return next
    }

    /// Seals the private key under a recovery code on the user row (not saved); returns the code.
    func seal(_ privateKey: Curve25519.KeyAgreement.PrivateKey, ofUser user: User, underRecoveryCode code: HumanCode) throws
        -> HumanCode
    {
        user.personalRecoverySealedKey = try UserKeys.sealForRecoveryCode(privateKey, code: code, userID: user.requireID().uuidString)
        user.personalRecoveryDigest = code.digest
        return code
    }

    /// Ten new backup codes for a user's second factor (the old ones stop working); returned to be shown once, stored
    /// only as keyed hashes.
    func newBackupCodes(for userID: UUID, on db: any Database) async throws -> [HumanCode] {
        let codes = (0..<Self.backupCodeCount).map { _ in HumanCode.random(bits: 60) }
        try await audit.transaction(on: db) { tx, audit in
            try await BackupCode.query(on: tx).filter(\.$user.$id == userID).delete()
            for code in codes {
                try await BackupCode(userID: userID, digest: lookupKey.backupCodeLookup(code.normalized, of: userID)).create(on: tx)
            }
            try await audit.append(actor: userID.uuidString, action: "user.backup-codes.new", table: User.schema, id: userID.uuidString)
        }
        return codes
    }

    /// How many unused backup codes a user has.
    func backupCodesLeft(for userID: UUID, on db: any Database) async throws -> Int {
        try await BackupCode.query(on: db).filter(\.$user.$id == userID).count()
    }

    /// Uses up one backup code: a conditional delete, so two sign-ins with one code cannot both pass.
    func takeBackupCode(_ typed: String, of userID: UUID, on db: any Database) async throws -> Bool {
        let code = HumanCode(typed: typed)
        guard code.normalized.count >= 10 else { return false }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            DELETE FROM second_factor_backup_codes WHERE user_id = \(bind: userID) \
            AND digest = \(bind: lookupKey.backupCodeLookup(code.normalized, of: userID)) RETURNING id
            """
        ).all()
        guard rows.count == 1 else { return false }
        try await audit.append(on: db, actor: userID.uuidString, action: "login.backup-code", table: User.schema, id: userID.uuidString)
        return true
    }

    /// An administrator recovers a colleague with the organisation's recovery key (typed into a form or the console; used,
    /// never stored): a one-time code with which the colleague chooses a new password, keeping everything they could read.
    func recover(_ userID: UUID, recoveryPrivateKey: Curve25519.KeyAgreement.PrivateKey, actor: String, on db: any Database)
        async throws -> HumanCode
    {
        guard let organisation = try await Organisation.current(on: db) else { throw AccountError.notSetUp }
        guard organisation.recoveryPublicKey == recoveryPrivateKey.publicKey.rawRepresentation else { throw AccountError.wrongRecoveryKey }
        let user = try await user(userID, on: db)
        guard user.status != .disabled else { throw AccountError.noSuchUser }
        let privateKey = try UserKeys.recover(
            user.recoverySealedPrivateKey, userID: userID.uuidString, recoveryPrivateKey: recoveryPrivateKey)
        let code = HumanCode.random()
        try await audit.transaction(on: db) { tx, audit in
            try await CredentialCode.query(on: tx).filter(\.$user.$id == userID).filter(\.$purpose != .enrolment).delete()
            try await issueCode(code, purpose: .recovery, privateKey: privateKey, userID: userID, on: tx)
            try await audit.append(actor: actor, action: "user.recover", table: User.schema, id: userID.uuidString)
        }
        await sessions.endAll(userID: userID)
        return code
    }
}
