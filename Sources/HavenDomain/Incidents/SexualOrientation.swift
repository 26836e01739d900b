/// A person's sexual orientation as recorded; every SOGIESC field allows "prefer not to say" and "unknown".
public enum SexualOrientation: String, CaseIterable, Sendable, Codable {
    case unknown
    case preferNotToSay = "prefer_not_to_say"
    case lesbian, gay, bisexual, pansexual, asexual, heterosexual, other

    public var labelKey: String { "orientation_\(rawValue)" }
}
