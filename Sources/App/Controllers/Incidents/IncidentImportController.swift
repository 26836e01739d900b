import HavenDomain
import Vapor

/// `/app/incidents/import`: documenters import incidents from CSV in an export's columns. A check shows every row and
/// every problem by row and column; only a file without a problem is stored, all of it in one transaction.
struct IncidentImportController: RouteCollection {
    /// What the import form posts: the text, or a file, and whether to check or to store.
    struct ImportInput: Content {
        var csv: String?
        var file: File?
        var step: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let imports = routes.grouped(RequireCapability(.writesDocumentation)).grouped("app", "incidents", "import")
        imports.get(use: form)
        // As much as any form may carry (the form token is read from the body first, up to the same bound).
        imports.on(.POST, body: .collect(maxSize: "1mb"), use: submit)
    }

    @Sendable func form(req: Request) async throws -> Response {
        _ = try req.require(.writesDocumentation)
        return try await req.render(IncidentImportPage(chrome: await .make(for: req, titleKey: "import_title"), csv: Self.field(req, "")))
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let staff = try req.require(.writesDocumentation)
        let input = try req.content.decode(ImportInput.self)
        var text = input.csv ?? ""
        if let file = input.file, file.data.readableBytes > 0 { text = String(decoding: Data(buffer: file.data), as: UTF8.self) }
        switch try await req.haven.incidents.importCSV(text, store: input.step == "import", by: staff, on: req.db) {
        case .imported(let codes):
            return await req.seeOther("/app/incidents", notice: codes.count == 1 ? "import_done_one" : "import_done")
        case .preview(let preview):
            var page = IncidentImportPage(chrome: await .make(for: req, titleKey: "import_title"), csv: Self.field(req, text))
            page.isPreview = true
            page.problems = preview.problems.map { .init(row: $0.row, column: $0.column, message: req.t($0.messageKey)) }
            page.canImport = preview.problems.isEmpty && !preview.drafts.isEmpty
            page.rows = preview.drafts.enumerated().map { index, draft in
                .init(
                    number: index + 2, title: draft.title, country: draft.country, startDate: draft.startDate,
                    confidentiality: req.t("confidentiality_\(draft.confidentiality.rawValue)"))
            }
            return try await req.render(page, status: page.canImport ? .ok : .unprocessableEntity)
        }
    }

    private static func field(_ req: Request, _ text: String) -> FormField {
        .textarea("csv", label: req.t("import_csv"), state: FieldState(value: text), hint: req.t("import_csv_hint"), rows: 10)
    }
}
