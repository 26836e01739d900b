/// Haven's password rule: 12 to 128 characters, no composition rules, not a well-known password.
///
///     PasswordPolicy.problem(with: "correct horse battery staple")  // nil: acceptable
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 128

    /// What is wrong with a proposed password.
    public enum Problem: String, Sendable, Equatable, CustomStringConvertible {
        case tooShort, tooLong, tooCommon, mismatch

        /// The localisation key of the message shown next to the field.
        public var messageKey: String { "password_\(rawValue)" }

        public var description: String {
            switch self {
            case .tooShort: return "shorter than \(PasswordPolicy.minimumLength) characters"
            case .tooLong: return "longer than \(PasswordPolicy.maximumLength) characters"
            case .tooCommon: return "one of the most common passwords"
            case .mismatch: return "the two passwords differ"
            }
        }
    }

    /// The first problem with `password`, or nil when it is acceptable. Length is counted in characters as people see them.
    public static func problem(with password: String, confirmation: String? = nil) -> Problem? {
        if password.utf8.count > maximumLength * 4 || password.count > maximumLength { return .tooLong }
        if password.count < minimumLength { return .tooShort }
        if isCommon(password) { return .tooCommon }
        if let confirmation, confirmation != password { return .mismatch }
        return nil
    }

    /// True for passwords on the bundled list (compared without case or spaces) and for ones made of one or two characters.
    public static func isCommon(_ password: String) -> Bool {
        let folded = String(password.lowercased().filter { !$0.isWhitespace })
        if Set(folded).count <= 2 { return true }
        return CommonPasswords.list.contains(folded)
    }
}
