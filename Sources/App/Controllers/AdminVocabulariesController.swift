import Fluent
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
        let vocabularies = routes.grouped("app", "admin", "vocabularies")
        vocabularies.get(use: show)
        vocabularies.post(":name", use: save)
    }

    @Sendable func show(req: Request) async throws -> View {
        try await req.view.render("admin-vocabularies", await page(req))
    }

    private func page(_ req: Request, problem: String? = nil) async -> VocabulariesPage {
        let lists = VocabularyStore.editable.compactMap { req.haven.vocabularies.list(named: $0.name) }.map { list in
            let families = list.name == Vocabulary.incidentTypes.name ? list.roots.map { Choice(code: $0.code, name: $0.label(req.language)) } : []
            return VocabulariesPage.List(
                name: list.name, title: req.t("vocabulary_\(list.name.replacingOccurrences(of: "-", with: "_"))"),
                terms: list.terms.map { term in
                    .init(code: term.code, parent: term.parent ?? "", en: term.label(.en), ru: term.label(.ru), ro: term.label(.ro), isRetired: term.isRetired)
                },
                families: families, hasFamilies: !families.isEmpty)
        }
        return VocabulariesPage(chrome: await .make(for: req, titleKey: "vocabularies_title"), lists: lists, problem: problem)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let admin = try req.signedInStaff()
        guard let name = req.parameters.get("name"), let list = req.haven.vocabularies.list(named: name) else { throw Abort(.notFound) }
        let input = try req.content.decode(TermInput.self)
        let labels = [input.en, input.ru, input.ro].map { ($0 ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        guard labels.allSatisfy({ $0.count <= 200 }), !labels[0].isEmpty else {
            return try await req.view.render("admin-vocabularies", await page(req, problem: req.t("vocabulary_label_missing")))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let code: String
        var parent: String?
        if let existing = input.code, !existing.isEmpty {
            guard let term = list.term(existing) else { throw Abort(.badRequest) }
            code = term.code
            parent = term.parent
        } else {
            parent = input.parent.flatMap { list.term($0)?.parent == nil ? list.term($0)?.code : nil }
            code = Self.newCode(in: list, parent: parent)
        }
        let record = try await VocabularyEditRecord.query(on: req.db).filter(\.$vocabulary == name).filter(\.$code == code).first() ?? VocabularyEditRecord()
        record.vocabulary = name
        record.code = code
        record.parent = parent
        record.labelEN = labels[0]
        record.labelRU = labels[1].isEmpty ? labels[0] : labels[1]
        record.labelRO = labels[2].isEmpty ? labels[0] : labels[2]
        record.isRetired = input.retired == "yes"
        try await req.haven.audit.transaction(on: req.db) { tx, audit in
            try await record.save(on: tx)
            try await audit.append(actor: admin.id.uuidString, action: "vocabulary.edit", table: VocabularyEditRecord.schema, id: "\(name)/\(code)")
        }
        try await req.haven.vocabularies.reload(on: req.db)
        return await req.seeOther("/app/admin/vocabularies#\(name)", notice: "vocabulary_saved")
    }

    /// A code for an added term: the family's next number (`V1.9`), or `custom_N` in a flat list.
    static func newCode(in list: Vocabulary, parent: String?) -> String {
        if let parent {
            let numbers = list.children(of: parent).compactMap { Int($0.code.split(separator: ".").last ?? "") }
            return "\(parent).\((numbers.max() ?? 0) + 1)"
        }
        let numbers = list.terms.compactMap { $0.code.hasPrefix("custom_") ? Int($0.code.dropFirst(7)) : nil }
        return "custom_\((numbers.max() ?? 0) + 1)"
    }
}
