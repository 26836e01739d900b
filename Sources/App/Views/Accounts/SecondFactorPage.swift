/// `/app/account/second-factor`: the secret to type into an authenticator app, the code that proves it, and, when second
/// factors are required, the enrolment code a first enrolment needs.
struct SecondFactorPage: Page {
    static let template = "accounts/second-factor"

    let chrome: PageChrome
    let isEnrolled: Bool
    let isRequired: Bool
    let secret: String
    let uri: String
    /// The address as a QR code: an SVG path over a square of `qrSide` modules (quiet zone included); empty when enrolled.
    let qrPath: String
    let qrSide: Int
    var code = FieldState()
    var enrolmentCode = FieldState()
    let needsEnrolmentCode: Bool
}
