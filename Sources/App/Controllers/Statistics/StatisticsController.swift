import Foundation
import HavenDomain
import Vapor

/// `/app/statistics`: counted incidents as a page, a CSV file or JSON (`format=csv|json`), for everyone who reads
/// documentation.
struct StatisticsController: RouteCollection {
    /// What the statistics form asks (every value optional; anything unknown falls back, never an error).
    struct StatisticsInput: Content {
        var rows, columns, country, heading, from, to, protected, format: String?

        var query: StatisticsQuery {
            var query = StatisticsQuery()
            let dimension = { (text: String?) in
                text.flatMap(StatisticsDimension.init(rawValue:)).flatMap { StatisticsDimension.incidentDimensions.contains($0) ? $0 : nil }
            }
            query.rows = dimension(rows) ?? .year
            query.columns = dimension(columns).flatMap { $0 == query.rows ? nil : $0 }
            query.filter.country = String((country ?? "").uppercased().prefix(2))
            query.filter.heading = heading.flatMap { AnnualReviewHeading(rawValue: $0)?.rawValue } ?? ""
            query.filter.from = String((from ?? "").prefix(10))
            query.filter.to = String((to ?? "").prefix(10))
            query.isProtected = protected == "yes"
            return query
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireCapability(.readsDocumentation)).get("app", "statistics", use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let input = try req.query.decode(StatisticsInput.self)
        let table = try await req.haven.statistics.table(input.query, on: req.db)
        let builder = StatisticsPageBuilder(req: req)
        switch input.format {
        case "csv":
            return Self.file(Data(builder.csv(table).text.utf8), csv: true, name: "statistics.csv")
        case "json":
            return Self.file(try builder.json(table), csv: false, name: "statistics.json")
        default:
            return try await req.render(await builder.page(table, query: input.query, queryString: Self.queryString(input)))
        }
    }

    /// A download: CSV (UTF-8) or JSON, never cached.
    static func file(_ data: Data, csv: Bool, name: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = csv ? HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]) : .json
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The form's values as a query string (without `format`), for the download links.
    private static func queryString(_ input: StatisticsInput) -> String {
        let query = input.query
        var parts = [("rows", query.rows.rawValue), ("columns", query.columns?.rawValue ?? ""), ("country", query.filter.country)]
        parts += [("heading", query.filter.heading), ("from", query.filter.from), ("to", query.filter.to)]
        parts.append(("protected", query.isProtected ? "yes" : ""))
        var components = URLComponents()
        components.queryItems = parts.filter { !$0.1.isEmpty }.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.percentEncodedQuery ?? ""
    }
}
