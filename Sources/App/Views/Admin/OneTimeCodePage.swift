/// A one-time code shown once after it is made: an invitation, or an enrolment code for a colleague's first second
/// factor under the requirement.
struct OneTimeCodePage: Page {
    static let template = "admin/one-time-code"

    let chrome: PageChrome
    /// The sentence before the code (localised), naming whom it is for.
    let intro: String
    let recipient: String
    let code: GroupedCode
    /// Where the code is entered (an address), or empty.
    let whereURL: String
}
