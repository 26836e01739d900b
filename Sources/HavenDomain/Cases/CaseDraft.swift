/// A case's requester, needs, risk and consents as a form sends them, checked before anything is sealed or stored.
public struct CaseDraft: Sendable, Equatable {
    /// What is wrong with a field.
    public enum Problem: String, Sendable, Equatable, CaseIterable {
        case pseudonymMissing, tooLong, textTooLong, riskMissing

        /// The localisation key of the message shown next to the field.
        public var messageKey: String {
            switch self {
            case .pseudonymMissing: return "cases_pseudonym_missing"
            case .tooLong: return "report_problem_fieldTooLong"
            case .textTooLong: return "report_problem_narrativeTooLong"
            case .riskMissing: return "cases_risk_missing"
            }
        }
    }

    public var pseudonym = ""
    public var name = ""
    public var contact = ""
    public var notes = ""
    public var firstNote = ""
    public var needs: [Need] = []
    public var risk: RiskLevel?
    public var consentsToServices = false
    public var consentsToSharing = false
    public var consentsToStatistics = false

    public static let maximumPseudonym = 100

    public init() {}

    /// Problems by field name (`pseudonym`, `name`, `contact`, `notes`, `firstNote`, `risk`); empty when it can be stored.
    public var problems: [String: Problem] {
        var problems: [String: Problem] = [:]
        if pseudonym.isEmpty || pseudonym.count > Self.maximumPseudonym { problems["pseudonym"] = .pseudonymMissing }
        for (field, value) in [("name", name), ("contact", contact)] where value.count > ReportSubmission.maximumShortField {
            problems[field] = .tooLong
        }
        for (field, value) in [("notes", notes), ("firstNote", firstNote)] where value.count > ReportSubmission.maximumNarrative {
            problems[field] = .textTooLong
        }
        if risk == nil { problems["risk"] = .riskMissing }
        return problems
    }
}
