import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

extension Accounts {
    /// Creates an invited user with a fresh key pair waiting under a one-time code; returns the code (shown once).
    /// The newcomer gets the instance-wide keys their role holds from the inviting administrator's copies.
    func invite(email: EmailAddress, displayName: String, role: StaffRole, by admin: SignedInStaff, on db: any Database) async throws
        -> HumanCode
    {
        let lookup = lookupKey.emailLookup(email.value)
        guard try await User.find(on: db, emailLookup: lookup) == nil else { throw AccountError.emailTaken }
        guard let organisation = try await Organisation.current(on: db) else { throw Abort(.conflict, reason: "Haven is not set up.") }
        let recoveryKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: organisation.recoveryPublicKey)
        let instanceKeys = try await access.instanceKeys(for: admin, on: db)
        guard let directoryKey = instanceKeys[.directory] else { throw Abort(.forbidden, reason: "You cannot read the staff directory.") }
        let userID = UUID()
        let privateKey = Curve25519.KeyAgreement.PrivateKey()
        let user = User(
            id: userID, emailLookup: lookup, emailSealed: try Self.sealEmail(email.value, userID: userID, key: directoryKey),
            role: role, status: .invited, publicKey: privateKey.publicKey.rawRepresentation,
            recoverySealedPrivateKey: try UserKeys.sealForRecovery(privateKey, userID: userID.uuidString, recoveryKey: recoveryKey))
        if let colleaguesKey = instanceKeys[.colleagues], !displayName.isEmpty {
            user.displayNameSealed = try Colleagues.seal(displayName, of: userID, key: colleaguesKey)
        }
        let code = HumanCode.random()
        try await audit.transaction(on: db) { tx, audit in
            try await user.create(on: tx)
            try await access.follow(role: role, of: user, instanceKeys: instanceKeys, on: tx)
            try await issueCode(code, purpose: .invitation, privateKey: privateKey, userID: userID, on: tx)
            try await audit.append(actor: admin.actor, action: "user.invite", table: User.schema, id: userID.uuidString)
        }
        return code
    }

    /// Lets an administrator holding the recovery key reset a user who lost their password, from the console; returns a
    /// one-time code.
    func recover(email: EmailAddress, recoveryPrivateKey: Curve25519.KeyAgreement.PrivateKey, on db: any Database) async throws -> HumanCode
    {
        guard let user = try await User.find(on: db, emailLookup: lookupKey.emailLookup(email.value)) else { throw AccountError.noSuchUser }
        return try await recover(try user.requireID(), recoveryPrivateKey: recoveryPrivateKey, actor: "cli", on: db)
    }

    func issueCode(
        _ code: HumanCode, purpose: CredentialCode.Purpose, privateKey: Curve25519.KeyAgreement.PrivateKey?, userID: UUID,
        on db: any Database
    ) async throws {
        let sealed = try privateKey.map { try UserKeys.sealForCode($0, code: code, userID: userID.uuidString) } ?? Data()
        try await CredentialCode(
            userID: userID, purpose: purpose, codeDigest: code.digest, sealedPrivateKey: sealed,
            expiresAt: Date().addingTimeInterval(CredentialCode.lifetime)
        ).create(on: db)
    }

    /// Redeems an invitation or reset code: the private key waiting under it is sealed under the new password and under
    /// a new personal recovery code, and the code becomes the user's enrolment code (a first second factor under the
    /// requirement asks for it). Returns the user and the recovery code (shown once); nil for an unknown or expired code.
    func redeem(code: HumanCode, password: String, on db: any Database) async throws -> (userID: UUID, recoveryCode: HumanCode)? {
        guard
            let credential = try await CredentialCode.query(on: db).filter(\.$codeDigest == code.digest).filter(\.$purpose != .enrolment)
                .filter(\.$expiresAt > Date()).with(\.$user).first(),
            credential.user.status != .disabled
        else { return nil }
        let user = credential.user
        let userID = try user.requireID()
        guard let organisation = try await Organisation.current(on: db),
            let privateKey = try? UserKeys.openWithCode(credential.sealedPrivateKey, code: code, userID: userID.uuidString)
        else { return nil }
        let recoveryKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: organisation.recoveryPublicKey)
        user.apply(try await keys.seal(privateKey, userID: userID, password: password, recoveryKey: recoveryKey))
        let recoveryCode = try seal(privateKey, ofUser: user, underRecoveryCode: HumanCode.random())
        user.status = .active
        let enrolment = user.secondFactorSealed == nil
        try await audit.transaction(on: db) { tx, audit in
            try await user.save(on: tx)
            try await credential.delete(on: tx)
            if enrolment {
                try await CredentialCode.query(on: tx).filter(\.$user.$id == userID).filter(\.$purpose == .enrolment).delete()
                try await issueCode(code, purpose: .enrolment, privateKey: nil, userID: userID, on: tx)
            }
            try await audit.append(
                actor: userID.uuidString, action: "user.password.\(credential.purpose.rawValue)",
                table: User.schema, id: userID.uuidString)
        }
        await sessions.endAll(userID: userID)
        return (userID, recoveryCode)
    }
}
