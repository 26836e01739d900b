import Crypto
import Fluent
import Foundation
import HavenVault

extension Backups {
    /// Why a recipient was not added.
    enum RecipientProblem: Error, Equatable {
        case notARecipient, alreadyAdded, labelMissing
    }

    /// The recovery key as an age recipient (every backup is encrypted to it).
    func recoveryRecipient(on db: any Database) async throws -> String? {
        guard let organisation = try await Organisation.current(on: db) else { return nil }
        return AgeKeys.recipient(try Curve25519.KeyAgreement.PublicKey(rawRepresentation: organisation.recoveryPublicKey))
    }

    /// The further recipients, oldest first.
    func extraRecipients(on db: any Database) async throws -> [BackupRecipient] {
        try await BackupRecipient.query(on: db).sort(\.$addedAt).all()
    }

    /// Adds an `age1…` recipient under a label; every later backup is encrypted to it too.
    func addRecipient(label: String, recipient text: String, by staff: SignedInStaff, now: Date = Date(), on db: any Database) async throws
    {
        let label = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !label.isEmpty, label.count <= 200 else { throw RecipientProblem.labelMissing }
        guard let key = try? AgeKeys.parseRecipient(text) else { throw RecipientProblem.notARecipient }
        let canonical = AgeKeys.recipient(key)
        guard try await BackupRecipient.query(on: db).filter(\.$recipient == canonical).first() == nil else {
            throw RecipientProblem.alreadyAdded
        }
        let record = BackupRecipient(label: label, recipient: canonical, addedAt: now)
        try await audit.transaction(on: db) { tx, audit in
            try await record.save(on: tx)
            try await audit.append(
                actor: staff.actor, action: "backup.recipient.add", table: BackupRecipient.schema, id: try record.requireID().uuidString)
        }
    }

    /// Removes a recipient: later backups are no longer encrypted to it (earlier ones stay readable with it).
    func removeRecipient(_ id: UUID, by staff: SignedInStaff, on db: any Database) async throws {
        guard let record = try await BackupRecipient.find(id, on: db) else { return }
        try await audit.transaction(on: db) { tx, audit in
            try await record.delete(on: tx)
            try await audit.append(actor: staff.actor, action: "backup.recipient.remove", table: BackupRecipient.schema, id: id.uuidString)
        }
    }
}
