import Foundation

/// How the organisation presents itself on its public site and intake, in each interface language: its name, a short
/// description, contact lines, who reads reports and how soon they are answered (in the general terms it chooses),
/// and the time zone its times are shown in. Administrators set it; nothing here is personal.
public struct SiteIdentity: Sendable, Equatable, Codable {
    public var name = Translations()
    public var tagline = Translations()
    /// Contact lines (an address for the press, a Signal number …), one per line.
    public var contact = Translations()
    /// Who reads a report, e.g. "two trained staff members of our legal team".
    public var reportReaders = Translations()
    /// How soon a reporter can expect an answer, e.g. "within three working days".
    public var replyTime = Translations()
    /// An IANA time zone (`Europe/Chisinau`); times on every page are shown in it, with UTC beside them.
    public var timeZone = "UTC"

    /// Limits, in characters.
    public static let maximumName = 120
    public static let maximumText = 1_000

    /// Why a setting was not saved.
    public enum Problem: String, Sendable, Equatable {
        case tooLong, unknownTimeZone
    }

    public init() {}

    /// The time zone, UTC when the identifier is unknown.
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")! }

    /// Problems by field (`name.ru`, `contact.en`, `timeZone`); empty when the identity can be saved.
    public var problems: [String: Problem] {
        var problems: [String: Problem] = [:]
        let fields: [(String, Translations, Int)] = [
            ("name", name, Self.maximumName), ("tagline", tagline, Self.maximumText), ("contact", contact, Self.maximumText),
            ("reportReaders", reportReaders, Self.maximumText), ("replyTime", replyTime, Self.maximumText),
        ]
        for (field, texts, limit) in fields {
            for (language, text) in texts.values where text.count > limit { problems["\(field).\(language)"] = .tooLong }
        }
        if TimeZone(identifier: timeZone) == nil || timeZone.count > 64 { problems["timeZone"] = .unknownTimeZone }
        return problems
    }

    /// A text in a language, else English, else any; empty when it was never written.
    public static func text(_ texts: Translations, in language: String) -> String {
        texts.text(in: language, original: "en").text
    }
}
