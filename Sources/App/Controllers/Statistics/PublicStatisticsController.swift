import Foundation
import HavenDomain
import Vapor

/// `/statistics`: the latest approved release for everyone, with no session; each table downloads as CSV or JSON
/// (`?table=2&format=csv`). Only frozen, protected counts are read: nothing here touches the incidents themselves.
struct PublicStatisticsController: RouteCollection {
    /// Which table to download, and as what.
    struct DownloadQuery: Content {
        var table: Int?
        var format: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("statistics", use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let language = req.publicLanguage
        let builder = StatisticsPageBuilder(req: req, language: language)
        let chrome = PublicIncidentsController.chrome(req, titleKey: "statistics_public_title")
        guard let record = try await req.haven.releases.latestApproved(on: req.db) else {
            return try await req.render(
                PublicStatisticsPage(chrome: chrome, number: nil, period: "", approvedOn: "", method: "", tables: []))
        }
        let tables = try req.haven.releases.tables(of: record)
        let query = try req.query.decode(DownloadQuery.self)
        if let index = query.table, let format = query.format, tables.indices.contains(index - 1) {
            let table = tables[index - 1]
            switch format {
            case "csv":
                return StatisticsController.file(
                    Data(builder.csv(table).text.utf8), csv: true, name: "statistics-\(record.number)-\(index).csv")
            case "json":
                return StatisticsController.file(try builder.json(table), csv: false, name: "statistics-\(record.number)-\(index).json")
            default: break
            }
        }
        return try await req.render(
            PublicStatisticsPage(
                chrome: chrome, number: record.number, period: StatisticsReleasesController.period(req, record),
                approvedOn: record.approvedAt.map { Day.today($0) } ?? "",
                method: builder.t("statistics_public_method").replacingOccurrences(of: "{threshold}", with: String(record.threshold)),
                tables: tables.enumerated().map { PublicStatisticsPage.Table(view: builder.shown($1, anchor: "t\($0 + 1)"), index: $0 + 1) }
            ))
    }
}
