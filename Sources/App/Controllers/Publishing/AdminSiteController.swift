import Fluent
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
        let site = routes.grouped("app", "admin", "site")
        site.get(use: show)
        site.post("about", use: saveAbout)
        site.post("languages", use: addLanguage)
    }

    private func page(_ req: Request) async throws -> SiteAdminPage {
        let texts = try await SitePage.find("about", on: req.db).map { try JSONDecoder().decode(Translations.self, from: $0.content) } ?? Translations()
        let columns = try await PublicationsController.languages(req).map {
            SiteAdminPage.Column(code: $0.id ?? "", name: $0.name, text: texts.values[$0.id ?? ""] ?? "")
        }
        return SiteAdminPage(chrome: await .make(for: req, titleKey: "site_admin_title"), columns: columns)
    }

    @Sendable func show(req: Request) async throws -> View {
        try await req.view.render("admin-site", try await page(req))
    }

    @Sendable func saveAbout(req: Request) async throws -> Response {
        let admin = try req.signedInStaff()
        let texts = Translations((try req.content.decode(AboutInput.self).text ?? [:]).mapValues { String($0.prefix(PublicationDraft.maximumBody)) })
        let record = try await SitePage.find("about", on: req.db) ?? { let page = SitePage(); page.id = "about"; return page }()
        record.content = try JSONEncoder().encode(texts)
        record.updatedAt = Date()
        try await req.haven.audit.transaction(on: req.db) { tx, audit in
            try await record.save(on: tx)
            try await audit.append(actor: admin.id.uuidString, action: "site.about", table: SitePage.schema, id: "about")
        }
        req.haven.publicPages.invalidate()
        return try await notice(req, "site_saved")
    }

    @Sendable func addLanguage(req: Request) async throws -> Response {
        let admin = try req.signedInStaff()
        let input = try req.content.decode(LanguageInput.self)
        let code = (input.code ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let name = (input.name ?? "").trimmingCharacters(in: .whitespaces)
        var page = try await page(req)
        page.language = FieldState(value: input.code ?? "")
        page.languageName = FieldState(value: input.name ?? "")
        if code.wholeMatch(of: #/[a-z]{2,3}(-[a-z0-9]{2,8})?/#) == nil { page.language.error = req.t("site_language_code_invalid") }
        else if try await ContentLanguage.find(code, on: req.db) != nil { page.language.error = req.t("site_language_exists") }
        if name.isEmpty || name.count > 60 { page.languageName.error = req.t("publication_problem_missing") }
        guard page.language.error == nil, page.languageName.error == nil else {
            return try await req.view.render("admin-site", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let position = (try await ContentLanguage.query(on: req.db).max(\.$position) ?? 0) + 1
        try await req.haven.audit.transaction(on: req.db) { tx, audit in
            try await ContentLanguage(code: code, name: name, position: position).create(on: tx)
            try await audit.append(actor: admin.id.uuidString, action: "site.language", table: ContentLanguage.schema, id: code)
        }
        return try await notice(req, "site_saved")
    }

    private func notice(_ req: Request, _ key: String) async throws -> Response {
        await req.seeOther("/app/admin/site", notice: key)
    }
}
