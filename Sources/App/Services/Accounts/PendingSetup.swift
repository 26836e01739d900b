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
    let displayNameSealed: Data?
    let keys: StoredUserKeys
    let administratorPrivateKey: Curve25519.KeyAgreement.PrivateKey
    /// The directory and colleagues keys, sealed to the administrator and to the recovery key.
    let grants: [KeyGrant]
}
