import HavenDomain
import Vapor

/// `/app/admin/site`: administrators write the about and contact page in every language and add content languages.
struct AdminSiteController: RouteCollection {
    /// What the about form posts.
    struct AboutInput: Content {
        var text: [String: String]?
    }

    /// What the language form posts.
    struct LanguageInput: Content {
        var code, name: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let site = routes.grouped(RequireCapability(.managesUsers)).grouped("app", "admin", "site")
        site.get(use: show)
        site.post("about", use: saveAbout)
        site.post("languages", use: addLanguage)
    }

    private func page(_ req: Request) async throws -> SiteAdminPage {
        let texts = try await req.haven.publishing.about(on: req.db)
        let columns = try await req.haven.publishing.languages(on: req.db).map {
            SiteAdminPage.Column(code: $0.id ?? "", name: $0.name, text: texts.values[$0.id ?? ""] ?? "")
        }
        return SiteAdminPage(chrome: await .make(for: req, titleKey: "site_admin_title"), columns: columns)
    }

    @Sendable func show(req: Request) async throws -> Response {
        _ = try req.require(.managesUsers)
        return try await req.render(try await page(req))
    }

    @Sendable func saveAbout(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let texts = Translations(
            (try req.content.decode(AboutInput.self).text ?? [:]).mapValues { String($0.prefix(PublicationDraft.maximumBody)) })
        try await req.haven.publishing.saveAbout(texts, by: admin, on: req.db)
        return await notice(req, "site_saved")
    }

    @Sendable func addLanguage(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let input = try req.content.decode(LanguageInput.self)
        let code = (input.code ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let name = (input.name ?? "").trimmingCharacters(in: .whitespaces)
        let problems = try await req.haven.publishing.problems(ofLanguage: code, name: name, on: req.db)
        guard problems.isEmpty else {
            var page = try await page(req)
            page.language = FieldState(
                value: input.code ?? "",
                error: problems.contains(.invalidCode)
                    ? req.t("site_language_code_invalid")
                    : problems.contains(.exists) ? req.t("site_language_exists") : nil)
            page.languageName = FieldState(
                value: input.name ?? "", error: problems.contains(.invalidName) ? req.t("publication_problem_missing") : nil)
            return try await req.render(page, status: .unprocessableEntity)
        }
        try await req.haven.publishing.addLanguage(code: code, name: name, by: admin, on: req.db)
        return await notice(req, "site_saved")
    }

    private func notice(_ req: Request, _ key: String) async -> Response {
        await req.seeOther("/app/admin/site", notice: key)
    }
}
