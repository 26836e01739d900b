import Vapor

/// A staff form that arrived with an expired token (the session ended after its idle time or a restart, or the page
/// was old): nothing was saved, and what was typed comes back, to be sent again with a fresh token — after signing in
/// again in another tab when the session is gone. Nothing is stored on the server meanwhile.
struct ExpiredFormPage: Page {
    static let template = "expired-form"

    /// A field of the expired form; long texts are shown (and can be edited), the rest travel hidden.
    struct Field: Encodable {
        let name: String
        let value: String
        let isText: Bool
    }

    /// The field that carries the original action through `/form/again`.
    static let actionField = "expiredFormAction"

    let chrome: PageChrome
    /// Where the form goes: the original action when signed in, else `/form/again` first.
    let action: String
    let originalAction: String
    let isSignedIn: Bool
    let fields: [Field]

    init(chrome: PageChrome, originalAction: String, isSignedIn: Bool, fields: [ConfirmationPage.Field]) {
        self.chrome = chrome
        self.originalAction = originalAction
        self.isSignedIn = isSignedIn
        action = isSignedIn ? originalAction : "/form/again"
        self.fields = fields.filter { $0.name != ExpiredFormPage.actionField && !Self.isSecret($0.name) }.map {
            Field(name: $0.name, value: $0.value, isText: $0.value.count > 60 || $0.value.contains("\n"))
        }
    }

    /// Passwords are never written back into a page: they are typed again.
    static func isSecret(_ name: String) -> Bool {
        name.lowercased().contains("password") || name == "current"
    }

    /// Staff forms whose typed text comes back when their token has expired: URL-encoded forms under `/app/`.
    static func keepsTypedText(_ request: Request) -> Bool {
        request.url.path.hasPrefix("/app/") && request.headers.contentType == .urlEncodedForm
    }
}

extension Request {
    /// The expired-form page for this request's fields, answered 403 (nothing was done).
    func expiredForm(action: String, fields: [ConfirmationPage.Field]) async throws -> Response {
        let signedIn = staffSession?.isSignedIn ?? false
        return try await render(
            ExpiredFormPage(
                chrome: await .make(for: self, titleKey: "expired_form_title"), originalAction: action, isSignedIn: signedIn,
                fields: fields), status: .forbidden)
    }
}
