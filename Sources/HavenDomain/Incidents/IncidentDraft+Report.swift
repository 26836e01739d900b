extension IncidentDraft {
    /// A draft from an anonymous report: its narrative, country, city and time fill the form; restricted by default,
    /// with the report as a testimony source titled `sourceTitle` and the moment it arrived.
    public init(fromReport submission: ReportSubmission, receivedAt: String, sourceTitle: String) {
        self.init()
        description = submission.narrative
        country = (Country(code: submission.country) ?? Country.named(submission.country))?.code ?? ""
        city = submission.city
        startDate = PartialDate(parsing: submission.when)?.description ?? ""
        confidentiality = .restricted
        acts = [ActDraft()]
        var source = SourceDraft()
        source.kind = .testimony
        source.title = sourceTitle + " " + receivedAt
        source.connection = submission.kind == .violation ? "victim" : ""
        sources = [source]
    }
}
