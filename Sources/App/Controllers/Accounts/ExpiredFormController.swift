import Vapor

/// `POST /form/again`: an expired staff form sent back after signing in again elsewhere. It changes nothing: it shows
/// the same fields with the current session's token, aimed at the original action (a local `/app/` path), or the same
/// page again while the session is still not signed in. It takes no token, since it is how a form gets one.
struct ExpiredFormController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("form", "again", use: again)
    }

    @Sendable func again(req: Request) async throws -> Response {
        let fields = req.postedFields
        let typed = fields.first { $0.name == ExpiredFormPage.actionField }?.value ?? ""
        let action = LanguageController.safeReturnPath(typed)
        guard action.hasPrefix("/app/") else { throw Abort(.badRequest, reason: req.t("error_bad_request")) }
        return try await req.expiredForm(action: action, fields: fields)
    }
}
