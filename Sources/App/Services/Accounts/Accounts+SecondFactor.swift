import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

extension Accounts {
    /// Why an enrolment was refused.
    enum EnrolmentRefusal: Error, Equatable {
        /// The authenticator's code does not match the secret.
        case wrongCode
        /// Second factors are required and this is a first enrolment: it needs the invitation code or an enrolment code
        /// from an administrator, which a stolen password alone does not give.
        case needsEnrolmentCode
        /// An administrator without a second factor tried to require one of everyone.
        case enrolYourselfFirst
    }

    /// Whether a first enrolment must show an enrolment code (second factors are required).
    var enrolmentNeedsCode: Bool { instance.requiresSecondFactor }

    /// Enrols a TOTP secret once the user proved it with a code; the secret is sealed to their own key. Under the
    /// requirement, a first enrolment also takes (and uses up) an enrolment code.
    func enrolSecondFactor(userID: UUID, secret: Data, code: String, enrolmentCode: String, on db: any Database) async throws {
        guard let user = try await User.find(userID, on: db) else { throw Abort(.unauthorized) }
        let credential: CredentialCode?
        if enrolmentNeedsCode {
            let typed = HumanCode(typed: enrolmentCode)
            credential = try await CredentialCode.query(on: db).filter(\.$user.$id == userID).filter(\.$purpose == .enrolment)
                .filter(\.$codeDigest == typed.digest).filter(\.$expiresAt > Date()).first()
            guard credential != nil else { throw EnrolmentRefusal.needsEnrolmentCode }
        } else {
            credential = nil
        }
        guard let step = TOTP.verify(code, secret: secret, at: Date(), after: nil) else { throw EnrolmentRefusal.wrongCode }
        let publicKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: user.publicKey)
        user.secondFactorSealed = try KeyEnvelope.seal(secret, to: publicKey, context: Self.secondFactorContext(userID))
        user.secondFactorLastStep = step
        try await audit.transaction(on: db) { tx, audit in
            try await user.save(on: tx)
            try await credential?.delete(on: tx)
            try await audit.append(actor: userID.uuidString, action: "user.second-factor.enrol", table: User.schema, id: userID.uuidString)
        }
        await sessions.updateSecondFactor(userID: userID, enrolled: true)
    }

    /// An administrator gives a colleague a one-time enrolment code (shown once), for a first second factor under the
    /// requirement, e.g. after resetting a lost one.
    func issueEnrolmentCode(for userID: UUID, by admin: SignedInStaff, on db: any Database) async throws -> HumanCode {
        _ = try await user(userID, on: db)
        let code = HumanCode.random()
        try await audit.transaction(on: db) { tx, audit in
            try await CredentialCode.query(on: tx).filter(\.$user.$id == userID).filter(\.$purpose == .enrolment).delete()
            try await issueCode(code, purpose: .enrolment, privateKey: nil, userID: userID, on: tx)
            try await audit.append(
                actor: admin.actor, action: "user.second-factor.enrolment-code", table: User.schema, id: userID.uuidString)
        }
        return code
    }

    /// Removes a colleague's second factor and its backup codes (they enrol again; under the requirement with an
    /// enrolment code).
    func resetSecondFactor(of userID: UUID, by admin: SignedInStaff, on db: any Database) async throws {
        let user = try await user(userID, on: db)
        user.secondFactorSealed = nil
        user.secondFactorLastStep = nil
        try await audit.transaction(on: db) { tx, audit in
            try await user.save(on: tx)
            try await BackupCode.query(on: tx).filter(\.$user.$id == userID).delete()
            try await audit.append(actor: admin.actor, action: "user.second-factor.reset", table: User.schema, id: userID.uuidString)
        }
        await sessions.updateSecondFactor(userID: userID, enrolled: false)
    }

    /// Requires (or no longer requires) a second factor of everyone. An administrator without one of their own cannot
    /// require it (`EnrolmentRefusal.enrolYourselfFirst`): they would be sent to enrolment with no code to enrol with.
    func setRequiresSecondFactor(_ required: Bool, by admin: SignedInStaff, on db: any Database) async throws {
        guard let organisation = try await Organisation.current(on: db) else { throw Abort(.notFound) }
        if required, try await user(admin.id, on: db).secondFactorSealed == nil { throw EnrolmentRefusal.enrolYourselfFirst }
        organisation.requiresSecondFactor = required
        try await audit.transaction(on: db) { tx, audit in
            try await organisation.save(on: tx)
            try await audit.append(
                actor: admin.actor, action: required ? "settings.second-factor.require" : "settings.second-factor.optional")
        }
        instance.requiresSecondFactor = required
    }
}
