import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// A staff member's copies of one kind of record key, opened one at a time as a list needs them.
struct HeldKeys: Sendable {
    let copies: [String: KeyGrant]
    let privateKey: Curve25519.KeyAgreement.PrivateKey

    /// The records these copies open.
    var recordIDs: [UUID] { copies.keys.compactMap(UUID.init(uuidString:)) }

    /// Whether a record is among them.
    func contains(_ id: UUID) -> Bool { copies[id.uuidString] != nil }

    /// A record's key, opened; nil when it is not among them.
    func key(for id: UUID) throws -> SymmetricKey? {
        try copies[id.uuidString]?.openKey(with: privateKey)
    }
}
