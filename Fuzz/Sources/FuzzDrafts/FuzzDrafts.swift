import FuzzSupport
import HavenDomain

/// What staff and reporters type into forms, read as the server reads it: partial dates, numbers, money, days, search
/// queries and a whole incident draft (fields separated by the unit separator U+001F). All must return.
@_cdecl("FuzzDrafts_main")
public func fuzzDraftsMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv) { data, count in
        let text = String(decoding: FuzzDriver.bytes(data, count), as: UTF8.self)
        let fields = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
        if let date = PartialDate(parsing: text) { precondition(date.earliestDay <= date.latestDay) }
        _ = WholeNumber.read(text, in: -1_000...1_000)
        _ = Money(parsing: field(0), currency: field(1))
        _ = Day.normalized(text)
        _ = SearchText.fts5Expression(text)
        _ = SearchText.tsqueryExpression(text)
        _ = ReportSubmission(kind: .violation, narrative: field(0), country: field(1), city: field(2), when: field(3)).problems
        var draft = IncidentDraft()
        draft.title = field(0)
        draft.description = field(1)
        draft.startDate = field(2)
        draft.endDate = field(3)
        draft.country = field(4)
        draft.types = [field(5)]
        draft.victims = field(6)
        var act = ActDraft()
        act.victim = field(7)
        act.type = field(8)
        act.date = field(9)
        draft.acts = [act]
        var source = SourceDraft()
        source.title = field(10)
        source.url = field(11)
        source.publishedOn = field(12)
        draft.sources = [source]
        _ = draft.problems(terms: .shipped)
        return 0
    }
}
