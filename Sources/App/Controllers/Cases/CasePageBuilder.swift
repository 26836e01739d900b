import Foundation
import HavenDomain
import Vapor

/// Builds the case page for the staff member reading it: the opened case, its timeline with colleagues' names, and the
/// colleagues it can be given to.
struct CasePageBuilder {
    let req: Request
    let staff: SignedInStaff

    init(_ req: Request, staff: SignedInStaff) {
        self.req = req
        self.staff = staff
    }

    func page(_ record: Case, key: SymmetricKey) async throws -> CasePage {
        let opened = try await req.haven.cases.open(record, key: key, on: req.db)
        let names = try await req.haven.colleagues.names(for: staff, on: req.db)
        let holders = Set(opened.holders)
        let colleagues = try await req.haven.colleagues.eligible(for: .case, names: names, on: req.db).filter { !holders.contains($0.id) }
        let consents = [
            (record.consentsToServices, "case_consent_services"), (record.consentsToSharing, "case_consent_sharing"),
            (record.consentsToStatistics, "case_consent_statistics"),
        ].filter(\.0).map { req.t($0.1) }
        var page = CasePage(
            chrome: await .make(for: req, titleKey: "case_title"), code: record.code, requester: opened.requester,
            statusName: req.t(record.status.labelKey), closingReasonName: record.closingReason.map { req.t($0.labelKey) } ?? "",
            riskName: req.t(record.risk.labelKey), needs: record.needList.map { req.t($0.labelKey) }, consents: consents,
            notes: opened.notes.map { .init(body: $0.body, writtenAt: req.moment($0.writtenAt)) },
            events: opened.events.map { .init(text: eventText($0, names: names), happenedAt: req.moment($0.happenedAt)) },
            holders: opened.holders.map { .init(id: $0.uuidString, name: names.name(of: $0), isSelf: $0 == staff.id) },
            nextStatuses: CaseWorkflow.next(after: record.status).map { Choice(code: $0.rawValue, name: req.t($0.labelKey)) },
            closingReasons: req.choices(ClosingReason.self), fromReport: record.sourceReportID != nil,
            tasks: opened.tasks.map {
                .init(
                    id: $0.id.uuidString, title: $0.title, dueOn: $0.dueOn, isDone: $0.isDone,
                    isOverdue: !$0.isDone && $0.dueOn < Day.today())
            },
            services: opened.services.map { service in
                .init(
                    id: service.id.uuidString, needName: req.t(service.need.labelKey), provider: service.provider,
                    statusName: req.t(service.status.labelKey),
                    dates: [service.startsOn, service.endsOn].compactMap { $0 }.joined(separator: " – "),
                    cost: service.cost?.description ?? "", budgetLineName: service.budgetLine.map { req.t($0.labelKey) } ?? "",
                    status: service.status.rawValue,
                    amount: service.cost.map { String(format: "%d.%02d", $0.minorUnits / 100, abs($0.minorUnits % 100)) } ?? "",
                    currency: service.cost?.currency ?? "", budgetLine: service.budgetLine?.rawValue ?? "")
            },
            caseNeeds: record.needList.isEmpty
                ? req.choices(Need.self) : record.needList.map { Choice(code: $0.rawValue, name: req.t($0.labelKey)) },
            serviceStatuses: req.choices(ServiceStatus.self), budgetLines: req.choices(BudgetLine.self),
            isClosed: record.status == .closed, consentsToStatistics: record.consentsToStatistics,
            incidents: opened.incidents.map {
                .init(code: $0.code, title: $0.isRestricted ? req.t("incident_restricted_title") : $0.title)
            },
            colleagues: colleagues.map { Choice(code: $0.id.uuidString, name: $0.name) })
        page.costTotals = costTotals(opened.services)
        if record.sourceReportID != nil,
            let report = try await req.haven.handover.thread(of: .case(record.requireID()), recordKey: key, for: staff, on: req.db)
        {
            page.thread = ReportThread(report, for: req, filesPath: "/app/cases/\(record.code)/report/attachments")
            page.hasThread = true
        }
        return page
    }

    /// Costs summed by currency and budget line, cancelled services left out.
    func costTotals(_ services: [OpenedCase.Service]) -> [String] {
        var sums: [String: [String: Int]] = [:]
        for service in services where service.status != .cancelled {
            guard let cost = service.cost else { continue }
            sums[cost.currency, default: [:]][service.budgetLine?.rawValue ?? "", default: 0] += cost.minorUnits
        }
        return sums.keys.sorted().flatMap { currency in
            sums[currency]!.sorted { $0.key < $1.key }.map { line, units in
                Money(minorUnits: units, currency: currency).description + " — "
                    + (BudgetLine(rawValue: line).map { req.t($0.labelKey) } ?? req.t("case_cost_no_line"))
            }
        }
    }

    /// A timeline line: who (by name), what, and for access changes whom.
    func eventText(_ event: CaseEvent, names: ColleagueNames) -> String {
        let who = names.isMe(event.$actor.id) ? req.t("case_event_you") : names.name(of: event.$actor.id)
        let detail: String
        switch event.kind {
        case .status:
            let parts = event.detail.split(separator: ":").map(String.init)
            detail =
                (parts.first.flatMap(CaseStatus.init(rawValue:)).map { req.t($0.labelKey) } ?? "")
                + (parts.count > 1 ? " (" + (ClosingReason(rawValue: parts[1]).map { req.t($0.labelKey) } ?? "") + ")" : "")
        case .assigned, .unassigned: detail = names.name(of: UUID(uuidString: event.detail))
        case .incident: detail = event.detail
        case .serviceUpdated:
            detail = event.detail.split(separator: ",").map { req.t("case_service_field_\($0)") }.joined(separator: ", ")
        case .edited: detail = event.detail.split(separator: ",").map { req.t("case_field_\($0)") }.joined(separator: ", ")
        default: detail = ""
        }
        return "\(who): \(req.t("case_event_\(event.kind.rawValue)")) \(detail)".trimmingCharacters(in: .whitespaces)
    }
}
