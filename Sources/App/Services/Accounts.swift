import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// A successful sign-in: the user and their unlocked private key.
struct SignedInUser: Sendable {
    let id: UUID
    let role: StaffRole
    let language: String?
    let privateKey: Curve25519.KeyAgreement.PrivateKey
    let hasSecondFactor: Bool
}

/// Signing in, passwords, invitations, recovery and second factors.
enum Accounts {
    static func secondFactorContext(_ userID: UUID) -> String { "second-factor/\(userID.uuidString)" }

    /// Checks e-mail, password and (when enrolled) a TOTP code. Every failure is the same nil after the same scrypt run.
    static func authenticate(app: Application, db: any Database, email: String, password: String, code: String,
                             now: Date = Date()) async throws -> SignedInUser? {
        let normalized = EmailAddress(email)?.value ?? email.lowercased()
        let user = try await User.find(on: db, emailLookup: app.haven.lookupKey.emailLookup(normalized))
        guard password.utf8.count <= PasswordKDF.maximumPasswordBytes else { return nil }
        guard !password.isEmpty, let user, user.status == .active, let stored = user.storedKeys,
              let parameters = KDFParameters(encoded: stored.kdfParameters) else {
            _ = try await app.derivePasswordSecrets(password: password.isEmpty ? "decoy" : password,
                                                    salt: app.haven.lookupKey.decoySalt(normalized),
                                                    parameters: app.haven.configuration.kdfParameters)
            return nil
        }
        let secrets = try await app.derivePasswordSecrets(password: password, salt: stored.salt, parameters: parameters)
        let userID = try user.requireID()
        guard ConstantTime.equals(secrets.verifierHash, stored.verifierHash),
              let privateKey = try? UserKeys.unlock(stored, userID: userID.uuidString, secrets: secrets) else { return nil }
        if let sealedSecret = user.secondFactorSealed {
            guard let secret = try? KeyEnvelope.open(sealedSecret, with: privateKey, context: secondFactorContext(userID)),
                  let step = TOTP.verify(code, secret: secret, at: now, after: user.secondFactorLastStep) else { return nil }
            user.secondFactorLastStep = step
            try await user.save(on: db)
        }
        return SignedInUser(id: userID, role: user.role, language: user.language, privateKey: privateKey,
                            hasSecondFactor: user.secondFactorSealed != nil)
    }

    /// Creates an invited user with a fresh key pair waiting under a one-time code; returns the code (shown once).
    static func invite(app: Application, db: any Database, email: EmailAddress, role: StaffRole,
                       by admin: (id: UUID, privateKey: Curve25519.KeyAgreement.PrivateKey)) async throws -> HumanCode {
        let lookup = app.haven.lookupKey.emailLookup(email.value)
        guard try await User.find(on: db, emailLookup: lookup) == nil else { throw AccountError.emailTaken }
        guard let organisation = try await Organisation.current(on: db) else { throw Abort(.conflict, reason: "Haven is not set up.") }
        let recoveryKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: organisation.recoveryPublicKey)
        let directoryKey = try await StaffDirectory.openKey(on: db, userID: admin.id, privateKey: admin.privateKey)
        let documentationKey = try await DocumentationKey.openIfHeld(userID: admin.id, privateKey: admin.privateKey, on: db)
        let userID = UUID()
        let privateKey = Curve25519.KeyAgreement.PrivateKey()
        let user = User(id: userID, emailLookup: lookup,
                        emailSealed: try StaffDirectory.sealEmail(email.value, userID: userID, key: directoryKey),
                        role: role, status: .invited, publicKey: privateKey.publicKey.rawRepresentation,
                        recoverySealedPrivateKey: try UserKeys.sealForRecovery(privateKey, userID: userID.uuidString, recoveryKey: recoveryKey))
        let code = HumanCode.random()
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await user.create(on: tx)
            if role == .administrator { try await StaffDirectory.grant(on: tx, key: directoryKey, to: user) }
            try await DocumentationKey.follow(role: role, of: user, key: documentationKey, on: tx)
            try await issueCode(code, purpose: .invitation, privateKey: privateKey, userID: userID, on: tx)
            try await audit.append(actor: admin.id.uuidString, action: "user.invite", table: User.schema, id: userID.uuidString)
        }
        return code
    }

    /// Lets an administrator holding the recovery key reset a user who lost their password; returns a one-time code.
    static func recover(app: Application, db: any Database, email: EmailAddress,
                        recoveryPrivateKey: Curve25519.KeyAgreement.PrivateKey) async throws -> HumanCode {
        guard let organisation = try await Organisation.current(on: db) else { throw AccountError.notSetUp }
        guard organisation.recoveryPublicKey == recoveryPrivateKey.publicKey.rawRepresentation else { throw AccountError.wrongRecoveryKey }
        guard let user = try await User.find(on: db, emailLookup: app.haven.lookupKey.emailLookup(email.value)) else {
            throw AccountError.noSuchUser
        }
        let userID = try user.requireID()
        let privateKey = try UserKeys.recover(user.recoverySealedPrivateKey, userID: userID.uuidString,
                                              recoveryPrivateKey: recoveryPrivateKey)
        let code = HumanCode.random()
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await CredentialCode.query(on: tx).filter(\.$user.$id == userID).delete()
            try await issueCode(code, purpose: .recovery, privateKey: privateKey, userID: userID, on: tx)
            try await audit.append(actor: "cli", action: "user.recover", table: User.schema, id: userID.uuidString)
        }
        return code
    }

    private static func issueCode(_ code: HumanCode, purpose: CredentialCode.Purpose, privateKey: Curve25519.KeyAgreement.PrivateKey,
                                  userID: UUID, on db: any Database) async throws {
        let sealed = try UserKeys.sealForCode(privateKey, code: code, userID: userID.uuidString)
        try await CredentialCode(userID: userID, purpose: purpose, codeDigest: code.digest, sealedPrivateKey: sealed,
                                 expiresAt: Date().addingTimeInterval(CredentialCode.lifetime)).create(on: db)
    }

    /// Redeems an invitation or reset code: the private key waiting under it is sealed under the new password.
    /// Returns nil for an unknown or expired code.
    static func redeem(app: Application, db: any Database, code: HumanCode, password: String) async throws -> UUID? {
        guard let credential = try await CredentialCode.query(on: db).filter(\.$codeDigest == code.digest)
            .filter(\.$expiresAt > Date()).with(\.$user).first(),
            credential.user.status != .disabled else { return nil }
        let user = credential.user
        let userID = try user.requireID()
        guard let organisation = try await Organisation.current(on: db),
              let privateKey = try? UserKeys.openWithCode(credential.sealedPrivateKey, code: code, userID: userID.uuidString) else { return nil }
        let recoveryKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: organisation.recoveryPublicKey)
        user.apply(try await app.sealUserKeys(privateKey, userID: userID, password: password, recoveryKey: recoveryKey))
        user.status = .active
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await user.save(on: tx)
            try await credential.delete(on: tx)
            try await audit.append(actor: userID.uuidString, action: "user.password.\(credential.purpose.rawValue)",
                                             table: User.schema, id: userID.uuidString)
        }
        await app.haven.sessions.endAll(userID: userID)
        return userID
    }

    /// Changes a password after checking the current one; the private key is re-sealed, other sessions end.
    /// Returns false when the current password is wrong.
    static func changePassword(app: Application, db: any Database, session: StaffSession, current: String, new: String) async throws -> Bool {
        guard let userID = session.userID, let privateKey = session.privateKey,
              let user = try await User.find(userID, on: db), let stored = user.storedKeys,
              let parameters = KDFParameters(encoded: stored.kdfParameters),
              !current.isEmpty, current.utf8.count <= PasswordKDF.maximumPasswordBytes else { return false }
        let secrets = try await app.derivePasswordSecrets(password: current, salt: stored.salt, parameters: parameters)
        guard ConstantTime.equals(secrets.verifierHash, stored.verifierHash),
              let organisation = try await Organisation.current(on: db) else { return false }
        let recoveryKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: organisation.recoveryPublicKey)
        user.apply(try await app.sealUserKeys(privateKey, userID: userID, password: new, recoveryKey: recoveryKey))
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await user.save(on: tx)
            try await audit.append(actor: userID.uuidString, action: "user.password.change", table: User.schema, id: userID.uuidString)
        }
        await app.haven.sessions.endAll(userID: userID, except: session.key)
        return true
    }

    /// Enrols a TOTP secret once the user proved it with a code; the secret is sealed to their own key.
    static func enrolSecondFactor(app: Application, db: any Database, userID: UUID, secret: Data, code: String) async throws -> Bool {
        guard let user = try await User.find(userID, on: db),
              let step = TOTP.verify(code, secret: secret, at: Date(), after: nil) else { return false }
        let publicKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: user.publicKey)
        user.secondFactorSealed = try KeyEnvelope.seal(secret, to: publicKey, context: secondFactorContext(userID))
        user.secondFactorLastStep = step
        try await app.haven.audit.transaction(on: db) { tx, audit in
            try await user.save(on: tx)
            try await audit.append(actor: userID.uuidString, action: "user.second-factor.enrol", table: User.schema, id: userID.uuidString)
        }
        await app.haven.sessions.updateSecondFactor(userID: userID, enrolled: true)
        return true
    }
}

/// Account operations refused for a reason the person can act on.
enum AccountError: Error, Equatable, CustomStringConvertible {
    case emailTaken, notSetUp, noSuchUser, wrongRecoveryKey, lastAdministrator, ownAccount

    var description: String {
        switch self {
        case .emailTaken: return "a user with this e-mail already exists"
        case .notSetUp: return "Haven is not set up yet: run `haven setup` first"
        case .noSuchUser: return "no user has this e-mail"
        case .wrongRecoveryKey: return "this is not the organisation's recovery key"
        case .lastAdministrator: return "the last active administrator cannot be demoted or disabled"
        case .ownAccount: return "administrators cannot disable or demote themselves"
        }
    }
}
