import Foundation

/// An e-mail address as Haven compares it: trimmed, lower-cased, checked for a plausible shape.
public struct EmailAddress: Sendable, Equatable, CustomStringConvertible {
    /// The normalised address.
    public let value: String

    /// The longest address accepted (RFC 5321's path limit).
    public static let maximumLength = 254

    /// Nil when the text cannot be an address: no single `@`, an empty side, no dot in the domain, spaces, too long.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard trimmed.utf8.count <= Self.maximumLength,
            !trimmed.contains(where: { $0.isWhitespace || $0.isNewline })
        else { return nil }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return nil }
        value = trimmed
    }

    public var description: String { value }
}
