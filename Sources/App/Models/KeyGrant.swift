import Crypto
import Fluent
import Foundation
import HavenVault

/// One copy of a record's data key, sealed (HPKE) to one user or to the recovery key.
/// Granting access adds a row; revoking deletes it.
final class KeyGrant: Model, @unchecked Sendable {
    static let schema = "key_grants"

    @ID(key: .id) var id: UUID?
    @Field(key: "record_table") var recordTable: String
    @Field(key: "record_id") var recordID: String
    /// The user holding this copy; nil for the recovery key's copy.
    @OptionalParent(key: "holder_user_id") var holder: User?
    @Field(key: "sealed_key") var sealedKey: Data

    init() {}

    init(recordTable: String, recordID: String, holderUserID: UUID?, sealedKey: Data) {
        self.recordTable = recordTable
        self.recordID = recordID
        self.$holder.id = holderUserID
        self.sealedKey = sealedKey
    }
}

extension KeyGrant {
    /// The HPKE context that binds a key copy to its record and holder, so a copy cannot be moved to another record.
    static func context(table: String, recordID: String, holder: UUID?) -> String {
        "record-key/\(table)/\(recordID)/\(holder?.uuidString ?? "recovery")"
    }

    /// A record's data key sealed to one holder: a user, or the recovery key when `holder` is nil.
    static func sealing(_ key: SymmetricKey, of record: SealedRecord, holder: UUID?, publicKey: Data) throws -> KeyGrant {
        try sealing(key, table: record.kind.table, recordID: record.id, holder: holder, publicKey: publicKey)
    }

    /// A record's data key sealed to one holder, by table and id.
    static func sealing(_ key: SymmetricKey, table: String, recordID: String, holder: UUID?, publicKey: Data) throws -> KeyGrant {
        let recipient = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: publicKey)
        return KeyGrant(
            recordTable: table, recordID: recordID, holderUserID: holder,
            sealedKey: try KeyEnvelope.seal(key, to: recipient, context: context(table: table, recordID: recordID, holder: holder)))
    }

    /// Opens this copy with its holder's private key.
    func openKey(with privateKey: Curve25519.KeyAgreement.PrivateKey) throws -> SymmetricKey {
        try KeyEnvelope.openKey(
            sealedKey, with: privateKey, context: Self.context(table: recordTable, recordID: recordID, holder: $holder.id))
    }
}
