import Crypto
import Fluent
import Foundation
import HavenVault
import Vapor

/// The staff directory key: seals every user's e-mail; held by administrators and the recovery key.
enum StaffDirectory {
    static let recordTable = "directory"
    static let recordID = "staff"

    static func binding(userID: UUID) -> FieldBinding {
        FieldBinding(table: User.schema, recordID: userID.uuidString, field: "email")
    }

    /// The directory key sealed to a holder (a user, or the recovery key when `holder` is nil).
    static func grant(_ key: SymmetricKey, holder: UUID?, publicKey: Curve25519.KeyAgreement.PublicKey) throws -> KeyGrant {
        try KeyGrant.sealing(key, table: recordTable, recordID: recordID, holder: holder, publicKey: publicKey.rawRepresentation)
    }

    /// Opens the directory key with a signed-in user's private key; 403 when they hold no copy.
    static func openKey(on db: any Database, userID: UUID, privateKey: Curve25519.KeyAgreement.PrivateKey) async throws -> SymmetricKey {
        guard let key = try await KeyGrant.openKey(table: recordTable, recordID: recordID, userID: userID, privateKey: privateKey, on: db) else {
            throw Abort(.forbidden, reason: "You cannot read the staff directory.")
        }
        return key
    }

    /// Gives a user a copy of the directory key (on becoming an administrator).
    static func grant(on db: any Database, key: SymmetricKey, to user: User) async throws {
        let userID = try user.requireID()
        let existing = try await KeyGrant.query(on: db).filter(\.$recordTable == recordTable)
            .filter(\.$recordID == recordID).filter(\.$holder.$id == userID).count()
        guard existing == 0 else { return }
        try await KeyGrant.sealing(key, table: recordTable, recordID: recordID, holder: userID, publicKey: user.publicKey).create(on: db)
    }

    /// Removes a user's copy (on leaving the administrator role).
    static func revoke(on db: any Database, from userID: UUID) async throws {
        try await KeyGrant.query(on: db).filter(\.$recordTable == recordTable)
            .filter(\.$recordID == recordID).filter(\.$holder.$id == userID).delete()
    }

    static func sealEmail(_ email: String, userID: UUID, key: SymmetricKey) throws -> Data {
        try FieldCipher.seal(email, with: key, binding: binding(userID: userID))
    }

    static func openEmail(of user: User, key: SymmetricKey) throws -> String {
        try FieldCipher.open(user.emailSealed, with: key, binding: binding(userID: user.requireID()))
    }
}
