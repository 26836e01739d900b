/// `/app/admin/users/invite`: e-mail, display name and role of a new staff member.
struct AdminInvitePage: Page {
    static let template = "admin/invite"

    let chrome: PageChrome
    let roles: [Choice]
    var email = FieldState()
    var displayName = FieldState()
    var role = FieldState(value: "caseworker")
}
