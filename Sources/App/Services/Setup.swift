import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// A first setup prepared in memory: nothing is stored until the administrator confirms the recovery key.
struct PendingSetup: Sendable {
    let organisationName: String
    let recoveryPublicKey: Data
    /// The recovery private key in its written form; shown once, never stored.
    let recoveryKeyText: String
    let administratorID: UUID
    let emailLookup: String
    let emailSealed: Data
    let keys: StoredUserKeys
    let administratorPrivateKey: Curve25519.KeyAgreement.PrivateKey
    let directoryGrants: [(holder: UUID?, sealedKey: Data)]

    /// Makes the recovery key pair, the administrator's key pair and the directory key (one scrypt run).
    static func prepare(app: Application, organisationName: String, email: EmailAddress, password: String) async throws -> PendingSetup {
        let recovery = Curve25519.KeyAgreement.PrivateKey()
        let administratorID = UUID()
        let privateKey = Curve25519.KeyAgreement.PrivateKey()
        let keys = try await app.sealUserKeys(privateKey, userID: administratorID, password: password, recoveryKey: recovery.publicKey)
        let directoryKey = SymmetricKey(size: .bits256)
        let grants = [
            try StaffDirectory.grant(directoryKey, holder: administratorID, publicKey: privateKey.publicKey),
            try StaffDirectory.grant(directoryKey, holder: nil, publicKey: recovery.publicKey),
        ]
        return PendingSetup(
            organisationName: organisationName, recoveryPublicKey: recovery.publicKey.rawRepresentation,
            recoveryKeyText: RecoveryKey.text(for: recovery), administratorID: administratorID,
            emailLookup: app.haven.lookupKey.emailLookup(email.value),
            emailSealed: try StaffDirectory.sealEmail(email.value, userID: administratorID, key: directoryKey),
            keys: keys, administratorPrivateKey: privateKey,
            directoryGrants: grants.map { ($0.$holder.id, $0.sealedKey) }
        )
    }

    /// Stores the organisation, the administrator and the key grants in one transaction; fails if setup already happened.
    func commit(app: Application, on db: any Database, actor: String) async throws -> User {
        let user = User(id: administratorID, emailLookup: emailLookup, emailSealed: emailSealed, role: .administrator,
                        status: .active, publicKey: keys.publicKey, recoverySealedPrivateKey: keys.recoverySealedPrivateKey)
        user.apply(keys)
        try await app.haven.audit.transaction(on: db) { tx, audit in
            guard try await Organisation.current(on: tx) == nil else {
                throw Abort(.conflict, reason: "Haven is already set up.")
            }
            let organisation = Organisation(name: organisationName, recoveryPublicKey: recoveryPublicKey)
            try await organisation.create(on: tx)
            try await user.create(on: tx)
            for grant in directoryGrants {
                try await KeyGrant(recordTable: StaffDirectory.recordTable, recordID: StaffDirectory.recordID,
                                   holderUserID: grant.holder, sealedKey: grant.sealedKey).create(on: tx)
            }
            try await audit.append(actor: actor, action: "setup.complete", table: User.schema,
                                             id: administratorID.uuidString)
        }
        try await DocumentationKey.ensure(on: db)
        app.haven.setupCode = nil
        return user
    }
}
