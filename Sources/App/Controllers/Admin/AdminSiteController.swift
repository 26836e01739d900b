import HavenDomain
import Vapor

/// `/app/admin/site`: administrators write the about and contact page in every language and add content languages.
struct AdminSiteController: RouteCollection {
    /// What the about form posts.
    struct AboutInput: Content {
        var text: [String: String]?
    }

    /// What the identity form posts: one value per interface language for each text.
    struct IdentityInput: Content {
        var name, tagline, contact, reportReaders, replyTime: [String: String]?
        var timeZone: String?
    }

    /// What the logo form posts.
    struct LogoInput: Content {
        var logo: File?
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
        site.post("identity", use: saveIdentity)
        site.on(.POST, "logo", body: .collect(maxSize: ByteCount(value: SiteLogo.maximumBytes + 64 << 10)), use: saveLogo)
        site.post("logo", "remove", use: removeLogo)
    }

    private func page(_ req: Request, identity: SiteIdentity? = nil) async throws -> SiteAdminPage {
        let texts = try await req.haven.publishing.about(on: req.db)
        let columns = try await req.haven.publishing.languages(on: req.db).map {
            SiteAdminPage.Column(code: $0.id ?? "", name: $0.name, text: texts.values[$0.id ?? ""] ?? "")
        }
        let identity = identity ?? req.haven.siteIdentity.identity
        let identityColumns = Language.allCases.map { language in
            let code = language.rawValue
            return SiteAdminPage.IdentityColumn(
                code: code, name: language.nativeName, organisation: FieldState(value: identity.name.values[code] ?? ""),
                tagline: FieldState(value: identity.tagline.values[code] ?? ""),
                contact: FieldState(value: identity.contact.values[code] ?? ""),
                reportReaders: FieldState(value: identity.reportReaders.values[code] ?? ""),
                replyTime: FieldState(value: identity.replyTime.values[code] ?? ""))
        }
        return SiteAdminPage(
            chrome: await .make(for: req, titleKey: "site_admin_title"), columns: columns, identity: identityColumns,
            timeZone: FieldState(value: identity.timeZone), timeZones: TimeZone.knownTimeZoneIdentifiers.sorted(),
            logoPath: req.haven.siteIdentity.logo.map { "/site/logo/" + $0.tag })
    }

    @Sendable func saveIdentity(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let input = try req.content.decode(IdentityInput.self)
        let bounded = { (texts: [String: String]?) in
            Translations(
                (texts ?? [:]).filter { Language(rawValue: $0.key) != nil }.mapValues {
                    String($0.trimmingCharacters(in: .whitespacesAndNewlines).prefix(SiteIdentity.maximumText * 2))
                })
        }
        var identity = SiteIdentity()
        identity.name = bounded(input.name)
        identity.tagline = bounded(input.tagline)
        identity.contact = bounded(input.contact)
        identity.reportReaders = bounded(input.reportReaders)
        identity.replyTime = bounded(input.replyTime)
        identity.timeZone = String((input.timeZone ?? "UTC").trimmingCharacters(in: .whitespaces).prefix(100))
        let problems = identity.problems
        guard problems.isEmpty else {
            var page = try await page(req, identity: identity)
            let message = { (field: String, code: String) in problems["\(field).\(code)"].map { _ in req.t("site_identity_too_long") } }
            for index in page.identity.indices {
                let code = page.identity[index].code
                page.identity[index].organisation.error = message("name", code)
                page.identity[index].tagline.error = message("tagline", code)
                page.identity[index].contact.error = message("contact", code)
                page.identity[index].reportReaders.error = message("reportReaders", code)
                page.identity[index].replyTime.error = message("replyTime", code)
            }
            page.timeZone.error = problems["timeZone"].map { _ in req.t("site_time_zone_unknown") }
            return try await req.render(page, status: .unprocessableEntity)
        }
        try await req.haven.publishing.saveIdentity(identity, by: admin, on: req.db)
        return await notice(req, "site_saved")
    }

    @Sendable func saveLogo(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let file = try? req.content.decode(LogoInput.self).logo
        do {
            guard let file, file.data.readableBytes > 0 else { throw Publishing.LogoProblem.notAnImage }
            try await req.haven.publishing.saveLogo(Data(buffer: file.data), by: admin, on: req.db)
        } catch let problem as Publishing.LogoProblem {
            var page = try await page(req)
            page.logo.error = req.t(problem == .tooLarge ? "site_logo_too_large" : "site_logo_not_image")
            return try await req.render(page, status: .unprocessableEntity)
        }
        return await notice(req, "site_saved")
    }

    @Sendable func removeLogo(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        try await req.haven.publishing.removeLogo(by: admin, on: req.db)
        return await notice(req, "site_saved")
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
