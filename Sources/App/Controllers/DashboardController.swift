import Vapor

/// `/app`: the staff area's home, which later features fill.
struct DashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("app", use: dashboard)
    }

    @Sendable func dashboard(req: Request) async throws -> View {
        let chrome = await PageChrome.make(for: req, titleKey: "dashboard_title")
        let session = await req.session()
        let role = session.role.map { req.t($0.labelKey) } ?? ""
        return try await req.view.render("dashboard", DashboardPage(chrome: chrome, roleName: role, hasSecondFactor: session.hasSecondFactor))
    }
}
