/// Who may see an incident: the public site, all staff, or only the staff it is sealed to.
public enum Confidentiality: String, CaseIterable, Sendable, Codable {
    /// Shown on the public site as an anonymised projection.
    case `public`
    /// Visible to staff who read documentation.
    case `internal`
    /// Narrative, acts and sources sealed under the incident's own key; others see only country, date and types.
    case restricted

    public var labelKey: String { "confidentiality_\(rawValue)" }
}

/// How far the facts of an incident have been checked.
public enum VerificationStatus: String, CaseIterable, Sendable, Codable {
    case unverified
    case partlyVerified = "partly_verified"
    case verified

    public var labelKey: String { "verification_\(rawValue)" }
}

/// What kind of source information came from.
public enum SourceKind: String, CaseIterable, Sendable, Codable {
    case news, testimony
    case courtDocument = "court_document"
    case report, other

    public var labelKey: String { "source_kind_\(rawValue)" }
}

/// A person's sexual orientation as recorded; every SOGIESC field allows "prefer not to say" and "unknown".
public enum SexualOrientation: String, CaseIterable, Sendable, Codable {
    case unknown
    case preferNotToSay = "prefer_not_to_say"
    case lesbian, gay, bisexual, pansexual, asexual, heterosexual, other

    public var labelKey: String { "orientation_\(rawValue)" }
}

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

/// Whether a person is intersex, as recorded.
public enum IntersexStatus: String, CaseIterable, Sendable, Codable {
    case unknown
    case preferNotToSay = "prefer_not_to_say"
    case yes, no

    public var labelKey: String { "intersex_\(rawValue)" }
}

/// Circumstances that make a person more exposed.
public enum Vulnerability: String, CaseIterable, Sendable, Codable {
    case minor, disability, migrant, hiv, sexWorker = "sex_worker", homeless, detained

    public var labelKey: String { "vulnerability_\(rawValue)" }
}

/// Short pseudonymous record codes: a letter, a dash and six Crockford base-32 characters (`P-7KQ2M9`, `I-3M8XQA`).
public enum RecordCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A fresh random code with a prefix letter (30 bits; the database keeps it unique).
    public static func random(prefix: Character) -> String {
        var generator = SystemRandomNumberGenerator()
        return "\(prefix)-" + String((0..<6).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// A typed code in its stored form (upper case, look-alike letters read as digits), or nil if it cannot be one.
    public static func normalized(_ typed: String, prefix: Character) -> String? {
        var body = Substring(typed.trimmingCharacters(in: .whitespaces).uppercased())
        if body.hasPrefix("\(prefix)-") { body = body.dropFirst(2) } else if body.hasPrefix(String(prefix)) { body = body.dropFirst() }
        let mapped = String(body.map { $0 == "O" ? "0" : ($0 == "I" || $0 == "L") ? "1" : $0 })
        guard mapped.count == 6, mapped.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return "\(prefix)-" + mapped
    }
}
