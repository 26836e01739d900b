import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault

/// Staff display names, sealed under the colleagues key that every staff member (and the recovery key) holds: colleagues
/// see each other's names wherever they work together; a seized disk shows none.
struct Colleagues: Sendable {
    let access: RecordAccess

    static func binding(_ userID: UUID) -> FieldBinding {
        FieldBinding(table: User.schema, recordID: userID.uuidString, field: "display_name")
    }

    /// The longest display name.
    static let maximumLength = 80

    /// A display name sealed for one user.
    static func seal(_ name: String, of userID: UUID, key: SymmetricKey) throws -> Data {
        try FieldCipher.seal(name, with: key, binding: binding(userID))
    }

    /// Every staff member's display name, opened for the signed-in staff member (one key, one query).
    func names(for staff: SignedInStaff, on db: any Database) async throws -> ColleagueNames {
        guard let key = try await access.key(of: .colleagues, for: staff, on: db) else { return ColleagueNames(names: [:], me: staff.id) }
        var names: [UUID: String] = [:]
        for user in try await User.query(on: db).all() {
            guard let id = user.id, let sealed = user.displayNameSealed,
                let name = try? FieldCipher.open(sealed, with: key, binding: Self.binding(id))
            else { continue }
            names[id] = name
        }
        return ColleagueNames(names: names, me: staff.id)
    }

    /// The signed-in staff member's own display name ("" when none is chosen yet).
    func ownName(for staff: SignedInStaff, on db: any Database) async throws -> String {
        try await names(for: staff, on: db).names[staff.id] ?? ""
    }

    /// Sets the signed-in staff member's own display name.
    func setOwnName(_ name: String, for staff: SignedInStaff, on db: any Database) async throws {
        guard let key = try await access.key(of: .colleagues, for: staff, on: db), let user = try await User.find(staff.id, on: db) else {
            throw ColleaguesError.noKey
        }
        user.displayNameSealed = try Self.seal(name, of: staff.id, key: key)
        try await access.audit.transaction(on: db) { tx, audit in
            try await user.save(on: tx)
            try await audit.append(actor: staff.actor, action: "user.display-name", table: User.schema, id: staff.id.uuidString)
        }
    }

    /// The active colleagues whose role may hold a kind of record, with their names, for "give access" menus.
    func eligible(for kind: RecordKind, names: ColleagueNames, on db: any Database) async throws -> [(id: UUID, name: String)] {
        try await User.query(on: db).filter(\.$status == .active).all()
            .filter { kind.mayBeHeld(by: $0.role) }
            .compactMap { user in user.id.map { ($0, names.name(of: $0)) } }
            .sorted { $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending }
    }
}
