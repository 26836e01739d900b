import Crypto
import Foundation
import HavenDomain
import HavenVault

/// One browser's session, kept only in server memory: a restart signs everyone out and forgets every unlocked key.
struct StaffSession: Sendable {
    /// SHA-256 of the cookie value; the store never keeps the cookie itself.
    let key: String
    let createdAt: Date
    var lastSeenAt: Date
    /// The synchronizer token every form of this session carries.
    let csrfToken: String
    var userID: UUID?
    var role: StaffRole?
    /// The signed-in user's private key, unlocked by their password at login.
    var privateKey: Curve25519.KeyAgreement.PrivateKey?
    var hasSecondFactor = false
    /// A setup waiting for the administrator to confirm they wrote down the recovery key.
    var pendingSetup: PendingSetup?
    /// A TOTP secret offered for enrolment, not yet confirmed with a code.
    var pendingTOTPSecret: Data?
    /// A new report's receipt code, held only until the receipt page shows it once.
    var receiptCode: String?
    /// Codes just made (a personal recovery code, backup codes), held only until `/app/account/codes` shows them once,
    /// with the localisation keys of the page's title and of the sentence above them.
    var codesToShow: [String]?
    var codesTitleKey: String?
    var codesIntroKey: String?
    /// A localisation key of a one-time notice for the next page.
    var notice: String?
    /// The interface language chosen in this session (no cookie remembers it: a searched browser shows none).
    var language: Language?

    var isSignedIn: Bool { userID != nil && privateKey != nil }
}
