/// One kind of thing waiting for a staff member, with how many and where it is.
struct WaitingItem: Sendable, Equatable {
    /// What waits.
    enum Kind: String, Sendable {
        case newReports = "new_reports"
        case casesGiven = "cases_given"
        case tasksDue = "tasks_due"
        case hearingsSoon = "hearings_soon"
        case publicationsInReview = "publications_in_review"
    }

    let kind: Kind
    let count: Int
    /// Where to look.
    let path: String
}
