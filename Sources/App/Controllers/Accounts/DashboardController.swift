import HavenDomain
import Vapor

/// `/app`: the staff area's home: what waits for this person.
struct DashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("app", use: dashboard)
    }

    @Sendable func dashboard(req: Request) async throws -> Response {
        var chrome = await PageChrome.make(for: req, titleKey: "dashboard_title", countsWaiting: false)
        let staff = try req.staff()
        let waiting = try await req.haven.notifications.waiting(for: staff, on: req.db)
        chrome.waitingCount = waiting.reduce(0) { $0 + $1.count }
        let unread = staff.role.triagesIntake ? try await req.haven.intake.unreadCount(for: staff, on: req.db) : 0
        let cases = staff.role.runsCases ? try await req.haven.cases.workload(for: staff, on: req.db) : (open: 0, overdueTasks: 0)
        var page = DashboardPage(
            chrome: chrome, roleName: req.t(staff.role.labelKey), hasSecondFactor: req.staffSession?.hasSecondFactor ?? false,
            hasDisplayName: !(try await req.haven.colleagues.ownName(for: staff, on: req.db)).isEmpty,
            unreadReports: unread, openCases: cases.open, overdueTasks: cases.overdueTasks,
            triagesIntake: staff.role.triagesIntake, runsCases: staff.role.runsCases,
            backupFailed: staff.role.managesUsers ? try await req.haven.backups.lastRunFailed(on: req.db) : false,
            siteUnwritten: staff.role.managesUsers ? try await req.haven.publishing.about(on: req.db).values.isEmpty : false)
        page.waiting = waiting.map {
            .init(label: req.t("waiting_\($0.kind.rawValue)"), count: $0.count, path: $0.path)
        }
        return try await req.render(page)
    }
}
