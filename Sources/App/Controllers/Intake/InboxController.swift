import HavenDomain
import Vapor

/// `/app/inbox`: anonymous reports sealed to this staff member, a page at a time with filters; read, reply, close, or
/// delete as junk, chosen ones or every one a filter matches. Every route needs an intake role, then a key copy.
struct InboxController: RouteCollection {
    /// The list's filters, as the query string (or the junk form) carries them.
    struct FilterInput: Content {
        var unread: String?
        /// `yes`: only reports the reporter wrote to again.
        var newMessages: String?
        var kind: String?
        var status: String?
        var from: String?
        var to: String?
        var page: PageNumber?

        var filter: InboxFilter {
            var filter = InboxFilter()
            filter.onlyUnread = unread == "yes"
            filter.onlyNewMessages = newMessages == "yes"
            filter.kind = kind.flatMap(ReportKind.init(rawValue:))
            filter.status = status.flatMap(ReportStatus.init(rawValue:))
            filter.receivedFrom = from.flatMap(Day.normalized) ?? ""
            filter.receivedTo = to.flatMap(Day.normalized) ?? ""
            filter.page = page?.value ?? 1
            return filter
        }
    }

    /// What the reply form posts.
    struct ReplyInput: Content {
        var message: String?
    }

    /// What the junk forms post: chosen reports, or `byFilter` with the list's filters.
    struct JunkInput: Content {
        var reports: [UUID]?
        var byFilter: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let inbox = routes.grouped("app", "inbox")
            .grouped(RequireCapability(.triagesIntake, deniedAction: "report.read.denied", record: .report, parameter: "reportID"))
        inbox.get(use: list)
        inbox.post("junk", use: junk)
        inbox.get(":reportID", use: show)
        inbox.post(":reportID", "reply", use: reply)
        inbox.post(":reportID", "close", use: close)
        inbox.get(":reportID", "attachments", ":attachmentID", use: download)
    }

    private func reportID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("reportID", as: UUID.self) else { throw Abort(.notFound) }
        return id
    }

    @Sendable func list(req: Request) async throws -> Response {
        let staff = try req.require(.triagesIntake)
        let input = try req.query.decode(FilterInput.self)
        let filter = input.filter
        let listing = try await req.haven.intake.inbox(filter, for: staff, on: req.db)
        let link = { (page: Int) -> String in
            var items = [URLQueryItem(name: "page", value: String(page))]
            if filter.onlyUnread { items.append(.init(name: "unread", value: "yes")) }
            if filter.onlyNewMessages { items.append(.init(name: "newMessages", value: "yes")) }
            if let kind = filter.kind { items.append(.init(name: "kind", value: kind.rawValue)) }
            if let status = filter.status { items.append(.init(name: "status", value: status.rawValue)) }
            if !filter.receivedFrom.isEmpty { items.append(.init(name: "from", value: filter.receivedFrom)) }
            if !filter.receivedTo.isEmpty { items.append(.init(name: "to", value: filter.receivedTo)) }
            var components = URLComponents()
            components.queryItems = items
            return "/app/inbox?" + (components.percentEncodedQuery ?? "")
        }
        let page = InboxPage(
            chrome: await .make(for: req, titleKey: "inbox_title"),
            reports: listing.rows.map { row in
                .init(
                    id: row.id.uuidString, kindName: req.t(row.kind.labelKey), statusName: req.t(row.status.labelKey),
                    receivedAt: req.moment(row.receivedAt), excerpt: row.excerpt, isUnread: row.isUnread,
                    hasNewMessages: row.hasNewMessages)
            },
            total: listing.total, page: listing.page, pageCount: listing.pageCount,
            previousPage: listing.page > 1 ? link(listing.page - 1) : nil,
            nextPage: listing.page < listing.pageCount ? link(listing.page + 1) : nil,
            onlyUnread: filter.onlyUnread, onlyNewMessages: filter.onlyNewMessages,
            kinds: [Choice(code: "", name: "—", isChosen: filter.kind == nil)]
                + ReportKind.allCases.map { Choice(code: $0.rawValue, name: req.t($0.labelKey), isChosen: $0 == filter.kind) },
            statuses: [Choice(code: "", name: "—", isChosen: filter.status == nil)]
                + ReportStatus.allCases.map { Choice(code: $0.rawValue, name: req.t($0.labelKey), isChosen: $0 == filter.status) },
            from: filter.receivedFrom, to: filter.receivedTo, isFiltered: filter.narrowsAnything)
        return try await req.render(page)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let staff = try req.require(.triagesIntake)
        let opened = try await req.haven.intake.read(try reportID(req), for: staff, reason: req.t("inbox_not_yours"), on: req.db)
        return try await req.render(try await reportPage(req, opened))
    }

    /// A report's page: its thread and what it led to.
    private func reportPage(_ req: Request, _ opened: OpenedReport) async throws -> InboxReportPage {
        var page = InboxReportPage(
            chrome: await .make(for: req, titleKey: "inbox_report_title"), thread: ReportThread(opened, for: req),
            isClosed: opened.status == .closed)
        page.outcomes = try await req.haven.handover.outcomes(of: opened.id, on: req.db)
        return page
    }

    @Sendable func reply(req: Request) async throws -> Response {
        let staff = try req.require(.triagesIntake)
        let id = try reportID(req)
        let text = (try req.content.decode(ReplyInput.self).message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= ReportSubmission.maximumNarrative else {
            let opened = try await req.haven.intake.peek(id, for: staff, reason: req.t("inbox_not_yours"), on: req.db)
            var page = try await reportPage(req, opened)
            page.reply = FieldState(
                value: text, error: req.t(text.isEmpty ? "report_problem_narrativeMissing" : "report_problem_narrativeTooLong"))
            return try await req.render(page, status: .unprocessableEntity)
        }
        try await req.haven.intake.reply(to: id, text: text, by: staff, reason: req.t("inbox_not_yours"), on: req.db)
        return await req.seeOther("/app/inbox/\(id.uuidString)", notice: "inbox_replied")
    }

    @Sendable func close(req: Request) async throws -> Response {
        let staff = try req.require(.triagesIntake)
        try await req.haven.intake.close(try reportID(req), by: staff, reason: req.t("inbox_not_yours"), on: req.db)
        return await req.seeOther("/app/inbox", notice: "inbox_closed")
    }

    @Sendable func junk(req: Request) async throws -> Response {
        let staff = try req.require(.triagesIntake)
        let input = try req.content.decode(JunkInput.self)
        let intake = req.haven.intake
        if input.byFilter == "yes" {
            let filter = try req.content.decode(FilterInput.self).filter
            guard filter.narrowsAnything else { throw Abort(.badRequest, reason: req.t("inbox_junk_needs_filter")) }
            let ids = try await intake.matching(filter, for: staff, on: req.db)
            guard req.isConfirmed else { return try await confirmJunk(req, count: ids.count) }
            try await intake.delete(ids, actor: staff.actor, action: "report.junk", on: req.db)
            return await req.seeOther("/app/inbox", notice: ids.isEmpty ? "inbox_none_chosen" : "inbox_junked")
        }
        let chosen = Array(Set(input.reports ?? []))
        guard try await intake.holdsAll(chosen, staff, on: req.db) else { throw Abort(.forbidden, reason: req.t("inbox_not_yours")) }
        if !chosen.isEmpty, !req.isConfirmed { return try await confirmJunk(req, count: chosen.count) }
        guard try await intake.junk(chosen, by: staff, on: req.db) else { throw Abort(.forbidden, reason: req.t("inbox_not_yours")) }
        return await req.seeOther("/app/inbox", notice: chosen.isEmpty ? "inbox_none_chosen" : "inbox_junked")
    }

    /// What deleting reports as junk takes away, asked before it happens.
    private func confirmJunk(_ req: Request, count: Int) async throws -> Response {
        try await req.confirmation(
            titleKey: "inbox_junk_confirm_title",
            consequences: [
                req.t("inbox_junk_confirm_count").replacingOccurrences(of: "{count}", with: String(count)),
                req.t("inbox_junk_confirm_gone"), req.t("inbox_junk_confirm_receipts"),
            ], buttonKey: "inbox_junk", cancelPath: "/app/inbox")
    }

    @Sendable func download(req: Request) async throws -> Response {
        let staff = try req.require(.triagesIntake)
        guard let attachmentID = req.parameters.get("attachmentID", as: UUID.self) else { throw Abort(.notFound) }
        let download = try await req.haven.intake.attachment(
            attachmentID, of: try reportID(req), for: staff, reason: req.t("inbox_not_yours"),
            on: req.db)
        guard download.isIntact else { throw Abort(.conflict, reason: req.t("evidence_altered")) }
        return Response.streaming(download, logger: req.logger)
    }
}
