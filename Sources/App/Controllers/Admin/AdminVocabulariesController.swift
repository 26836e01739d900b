import HavenDomain
import Vapor

/// `/app/admin/vocabularies`: administrators relabel, add and retire terms; codes never change, retired terms stay on
/// the records that use them.
struct AdminVocabulariesController: RouteCollection {
    /// What a term form posts.
    struct TermInput: Content {
        var code: String?
        var parent: String?
        var en, ru, ro: String?
        var retired: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let vocabularies = routes.grouped(RequireCapability(.managesUsers)).grouped("app", "admin", "vocabularies")
        vocabularies.get(use: show)
        vocabularies.post(":name", use: save)
    }

    @Sendable func show(req: Request) async throws -> Response {
        _ = try req.require(.managesUsers)
        return try await req.render(await page(req))
    }

    private func page(_ req: Request, problem: String? = nil) async -> VocabulariesPage {
        let lists = VocabularyStore.editable.compactMap { req.haven.vocabularies.list(named: $0.name) }.map { list in
            let families =
                list.name == Vocabulary.incidentTypes.name ? list.roots.map { Choice(code: $0.code, name: $0.label(req.language)) } : []
            return VocabulariesPage.List(
                name: list.name, title: req.t("vocabulary_\(list.name.replacingOccurrences(of: "-", with: "_"))"),
                terms: list.terms.map { term in
                    .init(
                        code: term.code, parent: term.parent ?? "", en: term.label(.en), ru: term.label(.ru), ro: term.label(.ro),
                        isRetired: term.isRetired)
                },
                families: families, hasFamilies: !families.isEmpty)
        }
        return VocabulariesPage(chrome: await .make(for: req, titleKey: "vocabularies_title"), lists: lists, problem: problem)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        guard let name = req.parameters.get("name"), let list = req.haven.vocabularies.list(named: name) else { throw Abort(.notFound) }
        let input = try req.content.decode(TermInput.self)
        let labels = [input.en, input.ru, input.ro].map { ($0 ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        guard labels.allSatisfy({ $0.count <= 200 }), !labels[0].isEmpty else {
            return try await req.render(await page(req, problem: req.t("vocabulary_label_missing")), status: .unprocessableEntity)
        }
        let code: String
        var parent: String?
        if let existing = input.code, !existing.isEmpty {
            guard let term = list.term(existing) else { throw Abort(.badRequest) }
            code = term.code
            parent = term.parent
        } else {
            parent = input.parent.flatMap { list.term($0)?.parent == nil ? list.term($0)?.code : nil }
            code = list.newCode(parent: parent)
        }
        let edit = VocabularyEdit(
            code: code, parent: parent, labels: [.en: labels[0], .ru: labels[1], .ro: labels[2]], isRetired: input.retired == "yes")
        try await req.haven.vocabularies.save(edit, in: name, by: admin, on: req.db)
        return await req.seeOther("/app/admin/vocabularies#\(name)", notice: "vocabulary_saved")
    }
}
