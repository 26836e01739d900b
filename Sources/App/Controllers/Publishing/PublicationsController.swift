import Fluent
import HavenDomain
import Vapor

/// `/app/publications`: editors write publications in every language side by side, send them to review, publish.
struct PublicationsController: RouteCollection {
    /// What the editor posts; texts arrive as `title[en]`, `body[ru]` ….
    struct PublicationInput: Content {
        var kind, originalLanguage, date, incidents, newSignatories, venue, participants: String?
        var title, summary, body: [String: String]?
        var countries, categories, signatories: [String]?
    }

    /// What the status form posts.
    struct StatusInput: Content {
        var status: String?
        /// `yyyy-MM-dd HH:mm` (UTC) for a publication that should appear later; empty for now.
        var publishAt: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let publications = routes.grouped("app", "publications")
        publications.get(use: list)
        publications.get("new", use: newForm)
        publications.post(use: create)
        publications.get(":slug", use: editForm)
        publications.post(":slug", use: update)
        publications.post(":slug", "status", use: changeStatus)
        publications.get(":slug", "revisions", use: revisions)
    }

    static func writer(_ req: Request) throws -> UUID {
        guard req.staffSession?.role?.writesPublications == true else { throw Abort(.forbidden, reason: req.t("publications_not_your_role")) }
        return try req.signedInStaff().id
    }

    static func languages(_ req: Request) async throws -> [ContentLanguage] {
        try await ContentLanguage.query(on: req.db).sort(\.$position).all()
    }

    @Sendable func list(req: Request) async throws -> View {
        _ = try Self.writer(req)
        let status = try? req.query.get(String.self, at: "status")
        var query = Publication.query(on: req.db).sort(\.$updatedAt, .descending).limit(200)
        if let status = status.flatMap(PublicationStatus.init(rawValue:)) { query = query.filter(\.$status == status) }
        let rows = try await query.all().map { publication in
            let content = try JSONDecoder().decode(PublicationContent.self, from: publication.content)
            return PublicationListPage.Row(slug: publication.slug, title: content.title.text(in: req.language.rawValue, original: publication.originalLanguage).text,
                                           kindName: req.t(publication.kind.labelKey), statusName: req.t(publication.status.labelKey), date: publication.date,
                                           languages: Publication.codes(publication.languages).joined(separator: ", "))
        }
        let statuses = [Choice(code: "", name: "—", isChosen: status == nil)] + PublicationStatus.allCases.map {
            Choice(code: $0.rawValue, name: req.t($0.labelKey), isChosen: $0.rawValue == status)
        }
        return try await req.view.render("publications", PublicationListPage(chrome: await .make(for: req, titleKey: "publications_title"),
                                                                              rows: rows, statuses: statuses))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        _ = try Self.writer(req)
        var draft = PublicationDraft()
        draft.date = Day.today()
        draft.originalLanguage = req.language.rawValue
        return try await req.view.render("publication-form", try await page(req, draft, action: "/app/publications", record: nil))
    }

    /// The draft as posted: empty translations dropped, codes and names cleaned.
    func draft(_ input: PublicationInput, known: [Signatory]) -> PublicationDraft {
        var draft = PublicationDraft()
        draft.kind = input.kind.flatMap(PublicationKind.init(rawValue:)) ?? .news
        draft.originalLanguage = input.originalLanguage ?? "en"
        draft.title = Translations((input.title ?? [:]).mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        draft.summary = Translations(input.summary ?? [:])
        draft.body = Translations(input.body ?? [:])
        draft.date = (input.date ?? "").trimmingCharacters(in: .whitespaces)
        draft.countries = (input.countries ?? []).filter { !$0.isEmpty }
        draft.categories = input.categories ?? []
        draft.incidents = (input.incidents ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        let chosen = Set(input.signatories ?? [])
        let added = (input.newSignatories ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        draft.signatories = known.filter { chosen.contains($0.id?.uuidString ?? "") }.map(\.name) + added
        draft.venue = (input.venue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        draft.participants = (input.participants ?? "").trimmingCharacters(in: .whitespaces)
        return draft
    }

    /// The editor's page for a draft, with problems next to their fields.
    func page(_ req: Request, _ draft: PublicationDraft, problems: [String: PublicationDraft.Problem] = [:], action: String,
              record: Publication?) async throws -> PublicationFormPage {
        func message(_ name: String) -> String? { problems[name].map { req.t($0.messageKey) } }
        let languages = try await Self.languages(req)
        let builder = IncidentFormBuilder(req)
        var page = PublicationFormPage(chrome: await .make(for: req, titleKey: record == nil ? "publication_new_title" : "publication_edit_title"),
                                       action: action, isNew: record == nil, slug: record?.slug ?? "")
        page.kinds = builder.choices(PublicationKind.self, chosen: [draft.kind.rawValue])
        page.originals = languages.map { Choice(code: $0.id ?? "", name: $0.name, isChosen: $0.id == draft.originalLanguage) }
        page.columns = languages.map { language in
            let code = language.id ?? ""
            return PublicationFormPage.Column(
                code: code, name: language.name,
                title: FieldState(value: draft.title.values[code] ?? "", error: message("title.\(code)")),
                summary: FieldState(value: draft.summary.values[code] ?? "", error: message("summary.\(code)")),
                body: FieldState(value: draft.body.values[code] ?? "", error: message("body.\(code)")))
        }
        page.date = FieldState(value: draft.date, error: message("date"))
        let chosenCountries = Set(draft.countries)
        page.countries = Country.sorted(for: req.language).map { Choice(code: $0.code, name: $0.name(req.language), isChosen: chosenCountries.contains($0.code)) }
        page.countriesError = message("countries")
        page.categories = AnnualReviewHeading.allCases.map { Choice(code: $0.rawValue, name: $0.label(req.language), isChosen: draft.categories.contains($0.rawValue)) }
        page.categoriesError = message("categories")
        page.incidents = FieldState(value: draft.incidents.joined(separator: ", "), error: message("incidents"))
        let known = try await Signatory.query(on: req.db).sort(\.$name).all()
        let chosenNames = Set(draft.signatories.map(SearchText.fold))
        page.knownSignatories = known.map { Choice(code: $0.id?.uuidString ?? "", name: $0.name, isChosen: chosenNames.contains($0.nameKey)) }
        let knownKeys = Set(known.map(\.nameKey))
        page.newSignatories = FieldState(value: draft.signatories.filter { !knownKeys.contains(SearchText.fold($0)) }.joined(separator: "\n"),
                                         error: message("signatories"))
        page.venue = FieldState(value: draft.venue, error: message("venue"))
        page.participants = FieldState(value: draft.participants, error: message("participants"))
        page.hasProblems = !problems.isEmpty
        if let record {
            page.statusName = req.t(record.status.labelKey)
            let canPublish = req.staffSession?.role?.publishes == true
            page.nextStatuses = PublicationWorkflow.next(after: record.status).filter { PublicationWorkflow.allows(from: record.status, to: $0, canPublish: canPublish) }
                .map { Choice(code: $0.rawValue, name: req.t($0.labelKey)) }
            page.publicPath = record.isPublic() ? "/p/\(record.slug)" : nil
            page.revisionCount = try await PublicationRevision.query(on: req.db).filter(\.$publication.$id == record.requireID()).count()
        }
        return page
    }

    /// The posted draft and its problems (incident codes must name public incidents).
    func checked(_ req: Request) async throws -> (PublicationDraft, [String: PublicationDraft.Problem]) {
        let input = try req.content.decode(PublicationInput.self)
        let draft = draft(input, known: try await Signatory.query(on: req.db).all())
        var problems = draft.problems(languages: try await Self.languages(req).compactMap(\.id))
        if !(try await Publishing.unknownIncidents(draft.incidents, on: req.db)).isEmpty { problems["incidents"] = .unknownIncident }
        return (draft, problems)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let userID = try Self.writer(req)
        let (draft, problems) = try await checked(req)
        guard problems.isEmpty else {
            return try await req.view.render("publication-form", try await page(req, draft, problems: problems, action: "/app/publications", record: nil))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let slug = try await Publishing.create(app: req.application, db: req.db, draft, by: userID)
        return req.seeOther("/app/publications/\(slug)")
    }

    func publication(_ req: Request) async throws -> Publication {
        guard let slug = req.parameters.get("slug"), let record = try await Publication.find(on: req.db, slug: slug) else { throw Abort(.notFound) }
        return record
    }

    @Sendable func editForm(req: Request) async throws -> View {
        _ = try Self.writer(req)
        let record = try await publication(req)
        let draft = try await Publishing.open(record, on: req.db).draft
        return try await req.view.render("publication-form", try await page(req, draft, action: "/app/publications/\(record.slug)", record: record))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let userID = try Self.writer(req)
        let record = try await publication(req)
        let (draft, problems) = try await checked(req)
        guard problems.isEmpty else {
            return try await req.view.render("publication-form", try await page(req, draft, problems: problems, action: "/app/publications/\(record.slug)", record: record))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await Publishing.update(app: req.application, db: req.db, record, draft, by: userID)
        return try await notice(req, "publication_saved", slug: record.slug)
    }

    @Sendable func changeStatus(req: Request) async throws -> Response {
        let userID = try Self.writer(req)
        let record = try await publication(req)
        let input = try req.content.decode(StatusInput.self)
        guard let status = input.status.flatMap(PublicationStatus.init(rawValue:)) else { throw Abort(.badRequest) }
        let typed = (input.publishAt ?? "").trimmingCharacters(in: .whitespaces)
        let publishAt = typed.isEmpty ? nil : Self.moment(typed)
        do {
            guard typed.isEmpty || publishAt != nil else { throw Publishing.Refusal.notAllowed }
            try await Publishing.changeStatus(app: req.application, db: req.db, record, to: status, publishAt: publishAt,
                                              canPublish: req.staffSession?.role?.publishes == true, by: userID)
        } catch let refusal as Publishing.Refusal {
            var page = try await page(req, try await Publishing.open(record, on: req.db).draft, action: "/app/publications/\(record.slug)", record: record)
            page.statusError = typed.isEmpty || publishAt != nil ? req.t(refusal.messageKey) : req.t("publication_problem_notAMoment")
            return try await req.view.render("publication-form", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
        return try await notice(req, "publication_status_changed", slug: record.slug)
    }

    /// `yyyy-MM-dd` or `yyyy-MM-dd HH:mm` (or with a `T`), in UTC; read by hand, never by `DateFormatter` (which traps
    /// on some typed strings).
    static func moment(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.count == 10 || trimmed.utf8.count == 16, let day = Day.parts(String(trimmed.prefix(10))) else { return nil }
        var hour = 0, minute = 0
        if trimmed.utf8.count == 16 {
            let time = Array(trimmed.utf8.dropFirst(10))
            guard time[0] == UInt8(ascii: " ") || time[0] == UInt8(ascii: "T"), time[3] == UInt8(ascii: ":"),
                  let hours = WholeNumber.parse(String(decoding: time[1..<3], as: UTF8.self), in: 0...23),
                  let minutes = WholeNumber.parse(String(decoding: time[4..<6], as: UTF8.self), in: 0...59),
                  time[1..<3].allSatisfy({ (48...57).contains($0) }), time[4..<6].allSatisfy({ (48...57).contains($0) }) else { return nil }
            hour = hours
            minute = minutes
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))
    }

    func notice(_ req: Request, _ key: String, slug: String) async throws -> Response {
        await req.seeOther("/app/publications/\(slug)", notice: key)
    }
}
