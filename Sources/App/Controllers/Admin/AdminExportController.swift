import Foundation
import Vapor

/// `/app/admin/export`: an administrator downloads everything they may read, after typing their password again.
struct AdminExportController: RouteCollection {
    /// What the export form posts.
    struct ExportInput: Content {
        var format: String?
        var password: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let export = routes.grouped(RequireCapability(.managesUsers)).grouped("app", "admin", "export")
        export.get(use: show)
        export.post(use: download)
    }

    @Sendable func show(req: Request) async throws -> Response {
        _ = try req.require(.managesUsers)
        return try await req.render(await page(req, format: .csv))
    }

    @Sendable func download(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let input = try req.content.decode(ExportInput.self)
        let format = Exports.Format(rawValue: input.format ?? "") ?? .csv
        guard try await req.confirmsPassword(input.password, of: admin) else {
            return try await req.render(
                await page(req, format: format, error: req.t("account_current_wrong")), status: .unprocessableEntity)
        }
        let data = try await req.haven.exports.export(format, for: admin, on: req.db)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(type: "application", subType: format == .csv ? "zip" : "json")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"haven-export.\(format.fileExtension)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private func page(_ req: Request, format: Exports.Format, error: String? = nil) async -> ExportPage {
        ExportPage(
            chrome: await .make(for: req, titleKey: "export_title"),
            formats: Exports.Format.allCases.map {
                Choice(code: $0.rawValue, name: req.t("export_format_\($0.rawValue)"), isChosen: $0 == format)
            },
            password: .password("password", label: req.t("account_current_password"), error: error, autocomplete: "current-password"))
    }
}
