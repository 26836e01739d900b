/// `/app/inbox/:id`: one report, opened for this staff member.
struct InboxReportPage: Page {
    static let template = "intake/report"

    let chrome: PageChrome
    let thread: ReportThread
    let isClosed: Bool
    var reply = FieldState()
    let showsDownloads = true
    /// The cases and incidents made from the report.
    var outcomes: [ReportOutcome] = []
}
