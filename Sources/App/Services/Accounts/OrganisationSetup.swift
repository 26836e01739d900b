import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// First-time setup: the organisation, its recovery key, the first administrator and the instance-wide keys.
struct OrganisationSetup: Sendable {
    let audit: AuditLog
    let access: RecordAccess
    let lookupKey: LookupKey
    let keys: KeyDerivation
    let instance: InstanceState

    /// Whether setup is done.
    func isComplete(on db: any Database) async throws -> Bool {
        try await Organisation.current(on: db) != nil
    }

    /// The organisation's name ("Haven" before setup).
    func organisationName(on db: any Database) async throws -> String {
        try await Organisation.current(on: db)?.name ?? "Haven"
    }

    /// Makes the recovery key pair, the administrator's key pair, the directory and colleagues keys (one scrypt run).
    func prepare(organisationName: String, email: EmailAddress, password: String, displayName: String = "") async throws -> PendingSetup {
        let recovery = Curve25519.KeyAgreement.PrivateKey()
        let administratorID = UUID()
        let privateKey = Curve25519.KeyAgreement.PrivateKey()
        let sealedKeys = try await keys.seal(privateKey, userID: administratorID, password: password, recoveryKey: recovery.publicKey)
        let directoryKey = SymmetricKey(size: .bits256)
        let colleaguesKey = SymmetricKey(size: .bits256)
        var grants: [KeyGrant] = []
        for (record, key) in [(SealedRecord.directory, directoryKey), (.colleagues, colleaguesKey)] {
            grants.append(try KeyGrant.sealing(key, of: record, holder: administratorID, publicKey: privateKey.publicKey.rawRepresentation))
            grants.append(try KeyGrant.sealing(key, of: record, holder: nil, publicKey: recovery.publicKey.rawRepresentation))
        }
        return PendingSetup(
            organisationName: organisationName, recoveryPublicKey: recovery.publicKey.rawRepresentation,
            recoveryKeyText: RecoveryKey.text(for: recovery), administratorID: administratorID,
            emailLookup: lookupKey.emailLookup(email.value),
            emailSealed: try Accounts.sealEmail(email.value, userID: administratorID, key: directoryKey),
            displayNameSealed: displayName.isEmpty ? nil : try Colleagues.seal(displayName, of: administratorID, key: colleaguesKey),
            keys: sealedKeys, administratorPrivateKey: privateKey, grants: grants)
    }

    /// Stores the organisation, the administrator and the key copies in one transaction; fails if setup already happened.
    func commit(_ pending: PendingSetup, actor: String, on db: any Database) async throws -> User {
        let user = User(
            id: pending.administratorID, emailLookup: pending.emailLookup, emailSealed: pending.emailSealed, role: .administrator,
            status: .active, publicKey: pending.keys.publicKey, recoverySealedPrivateKey: pending.keys.recoverySealedPrivateKey)
        user.apply(pending.keys)
        user.displayNameSealed = pending.displayNameSealed
        try await audit.transaction(on: db) { tx, audit in
            guard try await Organisation.current(on: tx) == nil else { throw Abort(.conflict, reason: "Haven is already set up.") }
            try await Organisation(name: pending.organisationName, recoveryPublicKey: pending.recoveryPublicKey).create(on: tx)
            try await user.create(on: tx)
            try await access.store(pending.grants, on: tx)
            try await audit.append(actor: actor, action: "setup.complete", table: User.schema, id: pending.administratorID.uuidString)
        }
        try await access.ensureInstanceKeys(on: db)
        instance.setupCode = nil
        return user
    }
}
