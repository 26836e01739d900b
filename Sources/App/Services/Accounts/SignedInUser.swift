import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import SQLKit
import Vapor

/// A successful sign-in: the user and their unlocked private key.
struct SignedInUser: Sendable {
    let id: UUID
    let role: StaffRole
    let language: String?
    let privateKey: Curve25519.KeyAgreement.PrivateKey
    let hasSecondFactor: Bool
}
