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
        let publications = routes.grouped(RequireCapability(.writesPublications)).grouped("app", "publications")
        publications.get(use: list)
        publications.get("new", use: newForm)
        publications.post(use: create)
        publications.get(":slug", use: editForm)
        publications.post(":slug", use: update)
        publications.post(":slug", "status", use: changeStatus)
        publications.get(":slug", "revisions", use: revisions)
        publications.get(":slug", "proposal", use: proposal)
        publications.post(":slug", "proposal", "approve", use: approveProposal)
        publications.post(":slug", "proposal", "reject", use: rejectProposal)
    }

    @Sendable func list(req: Request) async throws -> Response {
        _ = try req.require(.writesPublications)
        let status = try? req.query.get(String.self, at: "status")
        let kind = try? req.query.get(String.self, at: "kind")
        let page = (try? req.query.get(PageNumber.self, at: "page"))?.value ?? 1
        let found = try await req.haven.publishing.list(
            status: status.flatMap(PublicationStatus.init(rawValue:)), kind: kind.flatMap(PublicationKind.init(rawValue:)), page: page,
            on: req.db)
        let rows = found.rows.map { listed in
            let publication = listed.record
            let content = listed.content
            return PublicationListPage.Row(
                slug: publication.slug, title: content.title.text(in: req.language.rawValue, original: publication.originalLanguage).text,
                kindName: req.t(publication.kind.labelKey), statusName: PublicationStatusText.name(publication, req: req),
                date: publication.date,
                languages: Publication.codes(publication.languages).joined(separator: ", "))
        }
        let statuses =
            [Choice(code: "", name: "—", isChosen: status == nil)]
            + PublicationStatus.allCases.map {
                Choice(code: $0.rawValue, name: req.t($0.labelKey), isChosen: $0.rawValue == status)
            }
        let kinds =
            [Choice(code: "", name: "—", isChosen: kind == nil)]
            + PublicationKind.allCases.map { Choice(code: $0.rawValue, name: req.t($0.labelKey), isChosen: $0.rawValue == kind) }
        return try await req.render(
            PublicationListPage(
                chrome: await .make(for: req, titleKey: "publications_title"), rows: rows, statuses: statuses, kinds: kinds,
                total: found.total, page: found.page, pageCount: found.pageCount,
                previousPage: found.page > 1 ? PageLinks.link(req, page: found.page - 1) : nil,
                nextPage: found.page < found.pageCount ? PageLinks.link(req, page: found.page + 1) : nil))
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        _ = try req.require(.writesPublications)
        var draft = PublicationDraft()
        draft.date = Day.today()
        draft.originalLanguage = req.language.rawValue
        return try await req.render(try await PublicationFormBuilder(req).page(draft, action: "/app/publications", record: nil))
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
        let added = (input.newSignatories ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        draft.signatories = known.filter { chosen.contains($0.id?.uuidString ?? "") }.map(\.name) + added
        draft.venue = (input.venue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        draft.participants = (input.participants ?? "").trimmingCharacters(in: .whitespaces)
        return draft
    }

    /// The posted draft and its problems (incident codes must name public incidents).
    func checked(_ req: Request) async throws -> (PublicationDraft, [String: PublicationDraft.Problem]) {
        let publishing = req.haven.publishing
        let input = try req.content.decode(PublicationInput.self)
        let draft = draft(input, known: try await publishing.signatories(on: req.db))
        var problems = draft.problems(languages: try await publishing.languages(on: req.db).compactMap(\.id))
        if !(try await publishing.unknownIncidents(draft.incidents, on: req.db)).isEmpty { problems["incidents"] = .unknownIncident }
        return (draft, problems)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let staff = try req.require(.writesPublications)
        let (draft, problems) = try await checked(req)
        guard problems.isEmpty else {
            return try await req.render(
                try await PublicationFormBuilder(req).page(draft, problems: problems, action: "/app/publications", record: nil),
                status: .unprocessableEntity)
        }
        let slug = try await req.haven.publishing.create(draft, by: staff, on: req.db)
        return req.seeOther("/app/publications/\(slug)")
    }

    /// The publication named in the path.
    func publication(_ req: Request) async throws -> Publication {
        try await req.haven.publishing.record(slug: req.parameters.get("slug"), on: req.db)
    }

    @Sendable func editForm(req: Request) async throws -> Response {
        _ = try req.require(.writesPublications)
        let record = try await publication(req)
        let draft = try await req.haven.publishing.open(record, on: req.db).draft
        return try await req.render(
            try await PublicationFormBuilder(req).page(draft, action: "/app/publications/\(record.slug)", record: record))
    }

    /// Saves an edit; an edit of a published or scheduled publication by someone who may not publish waits for a
    /// publisher as a proposal, and the published text stays as it is.
    @Sendable func update(req: Request) async throws -> Response {
        let staff = try req.require(.writesPublications)
        let record = try await publication(req)
        let (draft, problems) = try await checked(req)
        guard problems.isEmpty else {
            return try await req.render(
                try await PublicationFormBuilder(req).page(
                    draft, problems: problems, action: "/app/publications/\(record.slug)", record: record),
                status: .unprocessableEntity)
        }
        switch try await req.haven.publishing.edit(record, draft, by: staff, on: req.db) {
        case .saved: return await notice(req, "publication_saved", slug: record.slug)
        case .proposed: return await notice(req, "publication_proposed", slug: record.slug)
        }
    }

    @Sendable func changeStatus(req: Request) async throws -> Response {
        let staff = try req.require(.writesPublications)
        let record = try await publication(req)
        let input = try req.content.decode(StatusInput.self)
        guard let status = input.status.flatMap(PublicationStatus.init(rawValue:)) else { throw Abort(.badRequest) }
        let typed = (input.publishAt ?? "").trimmingCharacters(in: .whitespaces)
        let publishAt = typed.isEmpty ? nil : TypedMoment.parse(typed)
        do {
            guard typed.isEmpty || publishAt != nil else { throw Publishing.Refusal.notAllowed }
            try await req.haven.publishing.changeStatus(of: record, to: status, publishAt: publishAt, by: staff, on: req.db)
        } catch let refusal as Publishing.Refusal {
            let draft = try await req.haven.publishing.open(record, on: req.db).draft
            var page = try await PublicationFormBuilder(req).page(draft, action: "/app/publications/\(record.slug)", record: record)
            page.statusError = typed.isEmpty || publishAt != nil ? req.t(refusal.messageKey) : req.t("publication_problem_notAMoment")
            return try await req.render(page, status: .unprocessableEntity)
        }
        if status == .inReview {
            let db = req.application.db
            req.haven.notices.inBackground { await $0.notifyPublishers(on: db) }
        }
        return await notice(req, "publication_status_changed", slug: record.slug)
    }

    func notice(_ req: Request, _ key: String, slug: String) async -> Response {
        await req.seeOther("/app/publications/\(slug)", notice: key)
    }
}
