/// A case or incident a report led to, by code.
struct ReportOutcome: Sendable, Encodable {
    let isCase: Bool
    let code: String
}
