import Crypto
import Fluent
import Foundation
import HavenDomain

extension RecordAccess {
    /// Makes the instance-wide keys that do not exist yet (the documentation key, the colleagues key), sealed to the
    /// recovery key and to every account whose role holds them. Public keys are stored in clear, so this needs nobody's
    /// password; it runs at start and after setup.
    func ensureInstanceKeys(on db: any Database) async throws {
        guard try await Organisation.current(on: db) != nil else { return }
        let users = try await User.query(on: db).filter(\.$status != .disabled).all()
        for record in [SealedRecord.documentation, .colleagues] {
            guard try await holders(of: record, on: db).isEmpty else { continue }
            guard try await !hasRecoveryCopy(record, on: db) else { continue }
            let holders = try users.filter { record.kind.mayBeHeld(by: $0.role) }.map { (id: try $0.requireID(), publicKey: $0.publicKey) }
            try await seal(SymmetricKey(size: .bits256), of: record, to: holders, on: db)
        }
    }

    private func hasRecoveryCopy(_ record: SealedRecord, on db: any Database) async throws -> Bool {
        try await KeyGrant.query(on: db).filter(\.$recordTable == record.kind.table).filter(\.$recordID == record.id)
            .filter(\.$holder.$id == nil).count() > 0
    }
}
