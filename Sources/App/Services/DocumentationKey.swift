import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// The documentation key: seals person identities and the keys of evidence files of incidents that are not restricted.
/// Every staff member whose role reads documentation holds a copy, and so does the recovery key.
enum DocumentationKey {
    static let recordTable = "directory"
    static let recordID = "documentation"

    /// Makes the key when the organisation has none yet, sealed to the recovery key and every active reader.
    /// Public keys are stored in clear, so this needs nobody's password; it runs at start and after setup.
    static func ensure(on db: any Database) async throws {
        guard let organisation = try await Organisation.current(on: db) else { return }
        let existing = try await KeyGrant.query(on: db).filter(\.$recordTable == recordTable).filter(\.$recordID == recordID).count()
        guard existing == 0 else { return }
        let key = SymmetricKey(size: .bits256)
        let readers = try await User.query(on: db).filter(\.$status != .disabled).all().filter { $0.role.readsDocumentation }
        var grants = [try KeyGrant.sealing(key, table: recordTable, recordID: recordID, holder: nil, publicKey: organisation.recoveryPublicKey)]
        for reader in readers {
            grants.append(try KeyGrant.sealing(key, table: recordTable, recordID: recordID, holder: reader.requireID(), publicKey: reader.publicKey))
        }
        try await grants.create(on: db)
    }

    /// Opens the key with a signed-in user's private key; 403 when they hold no copy.
    static func open(for req: Request) async throws -> SymmetricKey {
        let staff = try req.signedInStaff()
        guard let key = try await KeyGrant.openKey(table: recordTable, recordID: recordID, userID: staff.id, privateKey: staff.privateKey, on: req.db) else {
            throw Abort(.forbidden, reason: req.t("incidents_not_your_role"))
        }
        return key
    }

    /// Gives a user a copy or takes it away, following their role (on invitation and role changes).
    static func follow(role: StaffRole, of user: User, key: SymmetricKey?, on db: any Database) async throws {
        let userID = try user.requireID()
        let copies = KeyGrant.query(on: db).filter(\.$recordTable == recordTable).filter(\.$recordID == recordID).filter(\.$holder.$id == userID)
        if role.readsDocumentation {
            guard let key, try await copies.count() == 0 else { return }
            try await KeyGrant.sealing(key, table: recordTable, recordID: recordID, holder: userID, publicKey: user.publicKey).create(on: db)
        } else {
            try await copies.delete()
        }
    }

    /// The key for an administrator who manages users, if they hold it (they do unless the key was made without them).
    static func openIfHeld(userID: UUID, privateKey: Curve25519.KeyAgreement.PrivateKey, on db: any Database) async throws -> SymmetricKey? {
        try await KeyGrant.openKey(table: recordTable, recordID: recordID, userID: userID, privateKey: privateKey, on: db)
    }
}
