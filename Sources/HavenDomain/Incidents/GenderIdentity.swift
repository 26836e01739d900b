/// A person's gender identity as recorded.
public enum GenderIdentity: String, CaseIterable, Sendable, Codable {
    case unknown
    case preferNotToSay = "prefer_not_to_say"
    case woman, man
    case transWoman = "trans_woman"
    case transMan = "trans_man"
    case nonBinary = "non_binary"
    case other

    public var labelKey: String { "gender_\(rawValue)" }
}
