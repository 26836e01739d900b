import Vapor

/// A confirmation before something that cannot be undone ("delete as junk", "erase personal data", deleting an
/// incident): says what will be gone, and sends the same form again with `confirm=yes`. No JavaScript.
struct ConfirmationPage: Page {
    static let template = "confirm"

    /// A field of the first form, sent again as it was.
    struct Field: Encodable {
        let name: String
        let value: String
    }

    let chrome: PageChrome
    /// What will be gone (and what stays), one sentence each.
    let consequences: [String]
    let action: String
    let fields: [Field]
    let buttonLabel: String
    let cancelPath: String

    /// The field a confirmed form carries.
    static let confirmField = "confirm"
}

extension Request {
    /// Whether the form was sent again from its confirmation page.
    var isConfirmed: Bool { (try? content.get(String.self, at: ConfirmationPage.confirmField)) == "yes" }

    /// The fields of a posted form, in order, without its token and confirmation (to send them again).
    var postedFields: [ConfirmationPage.Field] {
        guard let body = body.string else { return [] }
        return FormDecoder.pairs(in: body).filter {
            !$0.0.isEmpty && $0.0 != CSRFMiddleware.fieldName && $0.0 != ConfirmationPage.confirmField
        }
        .prefix(1_000).map { ConfirmationPage.Field(name: $0.0, value: $0.1) }
    }

    /// The confirmation page for this form, answering 200 with nothing changed.
    func confirmation(titleKey: String, consequences: [String], buttonKey: String, cancelPath: String) async throws -> Response {
        try await render(
            ConfirmationPage(
                chrome: await .make(for: self, titleKey: titleKey), consequences: consequences, action: url.path,
                fields: postedFields, buttonLabel: t(buttonKey), cancelPath: cancelPath))
    }
}
