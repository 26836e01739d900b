import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import SQLKit
import Vapor

/// Key copies of every kind of sealed record, in one place: who holds one, opening a record for a staff member (403 and
/// an audit entry without a copy), sealing a new record's key, giving a copy (only to roles that may hold the kind),
/// taking one away (never the last), and following a role change. No other code queries `KeyGrant`.
struct RecordAccess: Sendable {
    let audit: AuditLog

    /// Why a copy was not given.
    enum Refusal: Error, Equatable {
        /// The colleague's role may not hold this kind of record.
        case roleMayNotHold
        /// The colleague's account is disabled or not yet taken up.
        case notActive
    }

    // MARK: Reading

    /// The users holding a copy (the recovery key's copy is not one of them).
    func holders(of record: SealedRecord, on db: any Database) async throws -> [UUID] {
        try await copies(of: record, on: db).all().compactMap { $0.$holder.id }
    }

    /// The staff member's copy of a record's key, opened; nil when they hold none.
    func key(of record: SealedRecord, for staff: SignedInStaff, on db: any Database) async throws -> SymmetricKey? {
        try await copies(of: record, on: db).filter(\.$holder.$id == staff.id).first()?.openKey(with: staff.privateKey)
    }

    /// The staff member's copy of a record's key, opened. Without one: an audit entry `deniedAction` and 403 with
    /// `reason` (a localised text).
    func requireKey(
        of record: SealedRecord, for staff: SignedInStaff, deniedAction: String, reason: String,
        on db: any Database
    ) async throws -> SymmetricKey {
        guard let key = try await key(of: record, for: staff, on: db) else {
            try await audit.append(on: db, actor: staff.actor, action: deniedAction, table: record.kind.table, id: record.id)
            throw Abort(.forbidden, reason: reason)
        }
        return key
    }

    /// Every copy a staff member holds of one kind, by record, in one query (for lists).
    func held(_ kind: RecordKind, by staff: SignedInStaff, on db: any Database) async throws -> HeldKeys {
        let grants = try await KeyGrant.query(on: db).filter(\.$recordTable == kind.table).filter(\.$holder.$id == staff.id).all()
        return HeldKeys(
            copies: Dictionary(grants.map { ($0.recordID, $0) }, uniquingKeysWith: { first, _ in first }), privateKey: staff.privateKey)
    }

    /// An SQL condition that keeps the rows whose `column` names a record of `kind` the staff member holds a copy of, for
    /// lists filtered and counted in the database. The one dialect difference: SQLite keeps ids as text, PostgreSQL as
    /// `uuid`, and key copies name records by text.
    static func heldCondition(_ kind: RecordKind, column: String, by staff: SignedInStaff, dialect: String) -> SQLQueryString {
        let held: SQLQueryString = dialect == "sqlite" ? "record_id" : "CAST(record_id AS UUID)"
        return SQLQueryString(column) + " IN (SELECT " + held + " FROM \(ident: KeyGrant.schema) WHERE record_table = \(bind: kind.table)"
            + " AND holder_user_id = \(bind: staff.id))"
    }

    /// A staff member's copies of some records of one kind (a list's page), in one query.
    func held(_ kind: RecordKind, ids: [UUID], by staff: SignedInStaff, on db: any Database) async throws -> HeldKeys {
        guard !ids.isEmpty else { return HeldKeys(copies: [:], privateKey: staff.privateKey) }
        let grants = try await KeyGrant.query(on: db).filter(\.$recordTable == kind.table).filter(\.$holder.$id == staff.id)
            .filter(\.$recordID ~~ ids.map(\.uuidString)).all()
        return HeldKeys(
            copies: Dictionary(grants.map { ($0.recordID, $0) }, uniquingKeysWith: { first, _ in first }), privateKey: staff.privateKey)
    }

    /// Whether a user holds a copy.
    func holds(_ record: SealedRecord, userID: UUID, on db: any Database) async throws -> Bool {
        try await copies(of: record, on: db).filter(\.$holder.$id == userID).count() > 0
    }

    /// How many records of a kind a user holds a copy of.
    func count(_ kind: RecordKind, heldBy userID: UUID, on db: any Database) async throws -> Int {
        try await KeyGrant.query(on: db).filter(\.$recordTable == kind.table).filter(\.$holder.$id == userID).count()
    }

    // MARK: Writing (inside the caller's transaction)

    /// Seals a new record's key to its first holders and to the organisation's recovery key.
    func seal(_ key: SymmetricKey, of record: SealedRecord, to holders: [(id: UUID, publicKey: Data)], on tx: any Database) async throws {
        guard let organisation = try await Organisation.current(on: tx) else { throw Abort(.conflict, reason: "Haven is not set up.") }
        let copies =
            try holders.map { try KeyGrant.sealing(key, of: record, holder: $0.id, publicKey: $0.publicKey) }
            + [try KeyGrant.sealing(key, of: record, holder: nil, publicKey: organisation.recoveryPublicKey)]
        try await copies.create(on: tx)
    }

    /// Stores copies sealed ahead of time (setup prepares them before anything is stored).
    func store(_ copies: [KeyGrant], on tx: any Database) async throws {
        for copy in copies {
            try await KeyGrant(
                recordTable: copy.recordTable, recordID: copy.recordID, holderUserID: copy.$holder.id, sealedKey: copy.sealedKey
            )
            .create(on: tx)
        }
    }

    /// Gives a colleague a copy of a record's key; false when they held one already. Refused for a role that may not
    /// hold the kind and for an account that is not active.
    @discardableResult
    func grant(_ key: SymmetricKey, of record: SealedRecord, to user: User, on tx: any Database) async throws -> Bool {
        guard record.kind.mayBeHeld(by: user.role) else { throw Refusal.roleMayNotHold }
        guard user.status == .active || (user.status == .invited && record.kind.instanceRecordID != nil) else { throw Refusal.notActive }
        let userID = try user.requireID()
        guard try await !holds(record, userID: userID, on: tx) else { return false }
        try await KeyGrant.sealing(key, of: record, holder: userID, publicKey: user.publicKey).create(on: tx)
        return true
    }

    /// Takes a colleague's copy away; false when they hold none or are the last holder (only the recovery key would
    /// remain).
    func revoke(_ record: SealedRecord, from userID: UUID, on tx: any Database) async throws -> Bool {
        let holders = try await holders(of: record, on: tx)
        guard holders.contains(userID), holders.count > 1 else { return false }
        try await copies(of: record, on: tx).filter(\.$holder.$id == userID).delete()
        return true
    }

    /// Deletes every copy of records that are deleted or erased, the recovery key's included.
    func forget(_ records: [SealedRecord], on tx: any Database) async throws {
        for (kind, group) in Dictionary(grouping: records, by: \.kind) {
            try await KeyGrant.query(on: tx).filter(\.$recordTable == kind.table).filter(\.$recordID ~~ group.map(\.id)).delete()
        }
    }

    // MARK: Role changes

    /// The kinds a role may not hold, among those keyed per record, with how many records the user is the only holder
    /// of: those would be readable with the recovery key alone once the role changes.
    func soleHoldings(of userID: UUID, becoming role: StaffRole, on db: any Database) async throws -> [RecordKind: Int] {
        var sole: [RecordKind: Int] = [:]
        for kind in RecordKind.allCases where kind.instanceRecordID == nil && !kind.mayBeHeld(by: role) {
            let mine = try await KeyGrant.query(on: db).filter(\.$recordTable == kind.table).filter(\.$holder.$id == userID).all().map(
                \.recordID)
            guard !mine.isEmpty else { continue }
            let others = try await KeyGrant.query(on: db).filter(\.$recordTable == kind.table).filter(\.$recordID ~~ mine)
                .filter(\.$holder.$id != userID).filter(\.$holder.$id != nil).all()
            let shared = Set(others.map(\.recordID))
            let count = mine.filter { !shared.contains($0) }.count
            if count > 0 { sole[kind] = count }
        }
        return sole
    }

    /// Makes a user's key copies follow their role: removes every copy of a kind the role may not hold, and gives the
    /// instance-wide keys the role holds (from `instanceKeys`, opened by the administrator making the change). Returns
    /// how many copies were removed, by kind.
    @discardableResult
    func follow(role: StaffRole, of user: User, instanceKeys: [SealedRecord: SymmetricKey], on tx: any Database) async throws
        -> [RecordKind: Int]
    {
        let userID = try user.requireID()
        var removed: [RecordKind: Int] = [:]
        for kind in RecordKind.allCases where !kind.mayBeHeld(by: role) {
            var query = KeyGrant.query(on: tx).filter(\.$recordTable == kind.table).filter(\.$holder.$id == userID)
            if let instanceID = kind.instanceRecordID { query = query.filter(\.$recordID == instanceID) }
            let count = try await query.count()
            guard count > 0 else { continue }
            var deletion = KeyGrant.query(on: tx).filter(\.$recordTable == kind.table).filter(\.$holder.$id == userID)
            if let instanceID = kind.instanceRecordID { deletion = deletion.filter(\.$recordID == instanceID) }
            try await deletion.delete()
            removed[kind] = count
        }
        for record in SealedRecord.instanceKeys where record.kind.mayBeHeld(by: role) {
            guard let key = instanceKeys[record] else { continue }
            try await grant(key, of: record, to: user, on: tx)
        }
        return removed
    }

    /// Every copy a user holds of the instance-wide keys, opened (an administrator passes them on to a newcomer).
    func instanceKeys(for staff: SignedInStaff, on db: any Database) async throws -> [SealedRecord: SymmetricKey] {
        var keys: [SealedRecord: SymmetricKey] = [:]
        for record in SealedRecord.instanceKeys {
            if let key = try await key(of: record, for: staff, on: db) { keys[record] = key }
        }
        return keys
    }

    private func copies(of record: SealedRecord, on db: any Database) -> QueryBuilder<KeyGrant> {
        KeyGrant.query(on: db).filter(\.$recordTable == record.kind.table).filter(\.$recordID == record.id)
    }
}
