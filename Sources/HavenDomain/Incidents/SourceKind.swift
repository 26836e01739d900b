/// What kind of source information came from.
public enum SourceKind: String, CaseIterable, Sendable, Codable {
    case news, testimony
    case courtDocument = "court_document"
    case report, other

    public var labelKey: String { "source_kind_\(rawValue)" }
}
