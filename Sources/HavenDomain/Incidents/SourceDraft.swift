import Foundation

/// One source in the form.
public struct SourceDraft: Sendable, Equatable, Codable {
    public var id = ""
    public var kind = SourceKind.news
    public var title = ""
    public var url = ""
    public var publishedOn = ""
    public var reliability = "unknown"
    public var connection = ""

    public init() {}

    /// True when neither a title nor an address was typed.
    public var isBlank: Bool {
        title.trimmingCharacters(in: .whitespaces).isEmpty && url.trimmingCharacters(in: .whitespaces).isEmpty
    }

    func problems(terms: IncidentDraft.Terms) -> [String: IncidentDraft.Problem] {
        var problems: [String: IncidentDraft.Problem] = [:]
        if title.trimmingCharacters(in: .whitespaces).isEmpty { problems["title"] = .missing }
        if title.count > IncidentDraft.maximumTitle { problems["title"] = .tooLong }
        if !url.isEmpty {
            let parsed = URL(string: url)
            if url.count > 2_000 {
                problems["url"] = .tooLong
            } else if !["http", "https"].contains(parsed?.scheme?.lowercased() ?? "") || parsed?.host == nil {
                problems["url"] = .notALink
            }
        }
        if !publishedOn.isEmpty, PartialDate(parsing: publishedOn) == nil { problems["publishedOn"] = .notADate }
        if terms.reliabilities.term(reliability) == nil { problems["reliability"] = .unknownTerm }
        if !connection.isEmpty, terms.sourceConnections.term(connection) == nil { problems["connection"] = .unknownTerm }
        return problems
    }
}
