import HavenDomain
import Vapor

/// `POST /language`: the reader picks the interface language for this session (no cookie keeps it); signed-in staff
/// also keep it as their preference, which their next sign-in takes up.
struct LanguageController: RouteCollection {
    /// What the language switch posts.
    struct LanguageInput: Content {
        var lang: String
        var back: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post("language", use: choose)
    }

    /// Only a local path may be returned to, never another site.
    static func safeReturnPath(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"), path.count < 512 else { return "/login" }
        return path
    }

    @Sendable func choose(req: Request) async throws -> Response {
        let input = try req.content.decode(LanguageInput.self)
        guard let language = Language(rawValue: input.lang) else { throw Abort(.badRequest, reason: req.t("error_bad_request")) }
        if let userID = req.staffSession?.userID { try await req.haven.accounts.setLanguage(language, of: userID, on: req.db) }
        var session = await req.session()
        session.language = language
        await req.saveSession(session)
        return req.seeOther(Self.safeReturnPath(input.back))
    }
}
