import Fluent
import HavenDomain
import Vapor

/// `/app`: the staff area's home: what waits for this person.
struct DashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("app", use: dashboard)
    }

    @Sendable func dashboard(req: Request) async throws -> View {
        let chrome = await PageChrome.make(for: req, titleKey: "dashboard_title")
        let session = await req.session()
        let staff = try req.signedInStaff()
        let role = session.role.map { req.t($0.labelKey) } ?? ""
        let reports = Array(try await KeyGrant.held(table: Report.schema, userID: staff.id, on: req.db).keys)
        let read = try await ReportRead.query(on: req.db).filter(\.$user.$id == staff.id).filter(\.$report.$id ~~ reports).count()
        let cases = Array(try await KeyGrant.held(table: Case.schema, userID: staff.id, on: req.db).keys)
        let openCases = try await Case.query(on: req.db).filter(\.$id ~~ cases).filter(\.$status != .closed).count()
        let overdue = try await CaseTask.query(on: req.db).filter(\.$caseFile.$id ~~ cases).filter(\.$isDone == false)
            .filter(\.$dueOn < Day.today()).count()
        return try await req.view.render("dashboard", DashboardPage(
            chrome: chrome, roleName: role, hasSecondFactor: session.hasSecondFactor,
            unreadReports: reports.count - read, openCases: openCases, overdueTasks: overdue,
            runsCases: session.role?.runsCases ?? false))
    }
}
