import HavenDomain
import HavenIngest
import Vapor

/// `/app/ingest`: documenters paste news or upload files, review what was extracted, and open a draft incident or
/// publication filled with it; nothing is stored until they save that form.
struct IngestController: RouteCollection {
    /// What the ingest form posts.
    struct IngestInput: Content {
        var text: String?
        var referenceDate: String?
        var files: [File]?
    }

    /// What the draft buttons post: one item and the reference date.
    struct ItemInput: Content {
        var text: String?
        var referenceDate: String?
    }

    /// The most text one ingest may carry.
    static let maximumCharacters = 500_000

    func boot(routes: any RoutesBuilder) throws {
        let ingest = routes.grouped("app", "ingest")
        ingest.get(use: form)
        ingest.on(.POST, body: .collect(maxSize: "4mb"), use: review)
        ingest.post("incident", use: incidentDraft)
        ingest.post("publication", use: publicationDraft)
    }

    @Sendable func form(req: Request) async throws -> Response {
        _ = try req.require(.writesDocumentation)
        return try await req.render(
            IngestFormPage(chrome: await .make(for: req, titleKey: "ingest_title"), referenceDate: FieldState(value: Day.today())))
    }

    static func reference(_ typed: String?) -> (date: Date, day: String)? {
        let day = (typed ?? "").trimmingCharacters(in: .whitespaces)
        if day.isEmpty { return (Date(), Day.today()) }
        guard Day.normalized(day) != nil, let date = TypedMoment.parse(day) else { return nil }
        return (date, day)
    }

    @Sendable func review(req: Request) async throws -> Response {
        _ = try req.require(.writesDocumentation)
        let input = try req.content.decode(IngestInput.self)
        var text = input.text ?? ""
        for file in input.files ?? [] where file.data.readableBytes > 0 {
            let content = String(decoding: Data(buffer: file.data), as: UTF8.self)
            let isHTML = file.filename.lowercased().hasSuffix(".html") || file.filename.lowercased().hasSuffix(".htm")
            text += "\n\n" + (isHTML ? PlainText.fromHTML(content) : content)
        }
        let items = NewsIngest.items(in: String(text.prefix(Self.maximumCharacters))).prefix(200)
        guard let reference = Self.reference(input.referenceDate), !items.isEmpty else {
            var page = IngestFormPage(chrome: await .make(for: req, titleKey: "ingest_title"))
            page.text = FieldState(value: input.text ?? "", error: items.isEmpty ? req.t("ingest_nothing") : nil)
            page.referenceDate = FieldState(
                value: input.referenceDate ?? "",
                error: Self.reference(input.referenceDate) == nil ? req.t("proceeding_problem_notADay") : nil)
            return try await req.render(page, status: .unprocessableEntity)
        }
        var views: [IngestReviewPage.Item] = []
        for (index, text) in items.enumerated() {
            let item = NewsIngest.extract(text, reference: reference.date)
            let types = Vocabulary.incidentTypes
            views.append(
                IngestReviewPage.Item(
                    number: index + 1, text: text, segments: Self.segments(of: item), language: item.language,
                    kindName: req.t("ingest_kind_\(item.kind.rawValue)"),
                    dates: item.dates.map { "\($0.value) (\(req.t("precision_\($0.precision.rawValue)")))" },
                    countries: item.countries.compactMap { Country(code: $0)?.name(req.language) },
                    places: item.places.map(\.name).reduce(into: []) { names, name in if !names.contains(name) { names.append(name) } },
                    organisations: item.organisations.map(\.name), counts: item.counts.map { "\($0.value) \($0.unit)" },
                    headings: item.headings.prefix(3).compactMap { AnnualReviewHeading(rawValue: $0.name)?.label(req.language) },
                    types: item.types.prefix(3).map { types.term($0.code)?.label(req.language) ?? $0.code },
                    duplicates: try await req.haven.ingest.duplicates(of: text, on: req.db).map {
                        .init(code: $0.code, title: $0.title, isExact: $0.isExact)
                    }))
        }
        let page = IngestReviewPage(
            chrome: await .make(for: req, titleKey: "ingest_review_title"), referenceDate: reference.day, items: views)
        return try await req.render(page)
    }

    /// The item's text cut into runs, found values marked.
    static func segments(of item: Extraction) -> [IngestReviewPage.Segment] {
        var marks: [(Span, String)] =
            item.dates.map { ($0.span, "date") } + item.places.map { ($0.span, "place") }
            + item.organisations.map { ($0.span, "organisation") } + item.counts.map { ($0.span, "count") }
        marks.sort { $0.0.start < $1.0.start }
        let characters = Array(item.text)
        var segments: [IngestReviewPage.Segment] = []
        var position = 0
        for (span, kind) in marks where span.start >= position && span.end <= characters.count {
            if span.start > position { segments.append(.init(text: String(characters[position..<span.start]), kind: "")) }
            segments.append(.init(text: String(characters[span.start..<span.end]), kind: kind))
            position = span.end
        }
        if position < characters.count { segments.append(.init(text: String(characters[position...]), kind: "")) }
        return segments
    }

    private func item(_ req: Request) throws -> (Extraction, String) {
        let input = try req.content.decode(ItemInput.self)
        guard let text = input.text, !text.isEmpty, text.count <= Self.maximumCharacters,
            let reference = Self.reference(input.referenceDate)
        else {
            throw Abort(.badRequest)
        }
        return (NewsIngest.extract(text, reference: reference.date), reference.day)
    }

    @Sendable func incidentDraft(req: Request) async throws -> Response {
        _ = try req.require(.writesDocumentation)
        let (item, reference) = try item(req)
        return try await req.render(
            await IncidentFormBuilder(req).page(
                IngestDrafts.incident(from: item, reference: reference), action: "/app/incidents",
                isNew: true, titleKey: "incident_new_title"))
    }

    @Sendable func publicationDraft(req: Request) async throws -> Response {
        _ = try req.require(.writesPublications)
        let (item, reference) = try item(req)
        return try await req.render(
            try await PublicationFormBuilder(req).page(
                IngestDrafts.publication(from: item, reference: reference),
                action: "/app/publications", record: nil))
    }
}
