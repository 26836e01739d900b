/// Whether a person is intersex, as recorded.
public enum IntersexStatus: String, CaseIterable, Sendable, Codable {
    case unknown
    case preferNotToSay = "prefer_not_to_say"
    case yes, no

    public var labelKey: String { "intersex_\(rawValue)" }
}
