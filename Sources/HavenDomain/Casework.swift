import Foundation

/// Where a case stands: `new → triage → open → waiting → closed`, and back to open when reopened.
public enum CaseStatus: String, CaseIterable, Sendable, Codable {
    case new, triage, open, waiting, closed

    public var labelKey: String { "case_status_\(rawValue)" }
}

/// A case's pseudonymous code, shown everywhere instead of a name: `C-` and six Crockford base32 characters.
public enum CaseCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A fresh random code (30 bits; the database keeps it unique).
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return "C-" + String((0..<6).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// A typed code in its stored form (upper case, look-alike letters read as digits), or nil if it cannot be one.
    public static func normalized(_ typed: String) -> String? {
        var body = typed.trimmingCharacters(in: .whitespaces).uppercased()
        if body.hasPrefix("C-") { body.removeFirst(2) } else if body.hasPrefix("C") { body.removeFirst() }
        let mapped = String(body.map { $0 == "O" ? "0" : ($0 == "I" || $0 == "L") ? "1" : $0 })
        guard mapped.count == 6, mapped.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return "C-" + mapped
    }
}

/// Why a case was closed (VOCABULARY.md, casework).
public enum ClosingReason: String, CaseIterable, Sendable, Codable {
    case resolved, referred, declined
    case lostContact = "lost_contact"
    case assistanceRefused = "assistance_refused"

    public var labelKey: String { "closing_\(rawValue)" }
}

/// How much danger the person is in.
public enum RiskLevel: String, CaseIterable, Sendable, Codable {
    case critical, high, moderate, low

    public var labelKey: String { "risk_\(rawValue)" }
}

/// The case workflow's rules: which status may follow which, and when a closing reason is needed.
///
///     try CaseWorkflow.check(from: .closed, to: .waiting, reason: nil)  // throws .closedMustBeReopened
public enum CaseWorkflow {
    /// Why a change of status is refused.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case unchanged, closedMustBeReopened, closingNeedsReason, reasonOnlyWhenClosing, notAllowed

        public var messageKey: String {
            switch self {
            case .unchanged: return "case_refusal_unchanged"
            case .closedMustBeReopened: return "case_refusal_reopen_first"
            case .closingNeedsReason: return "case_refusal_reason_needed"
            case .reasonOnlyWhenClosing: return "case_refusal_reason_only_closing"
            case .notAllowed: return "case_refusal_not_allowed"
            }
        }

        public var description: String {
            switch self {
            case .unchanged: return "the case already has this status"
            case .closedMustBeReopened: return "a closed case must be reopened first"
            case .closingNeedsReason: return "closing needs a reason"
            case .reasonOnlyWhenClosing: return "a closing reason is only given when closing"
            case .notAllowed: return "this change of status is not part of the workflow"
            }
        }
    }

    /// The statuses that may follow `status`.
    public static func next(after status: CaseStatus) -> [CaseStatus] {
        switch status {
        case .new: return [.triage, .open, .closed]
        case .triage: return [.open, .waiting, .closed]
        case .open: return [.waiting, .closed]
        case .waiting: return [.open, .closed]
        case .closed: return [.open]
        }
    }

    /// Accepts a change of status or throws the reason it is refused.
    public static func check(from current: CaseStatus, to target: CaseStatus, reason: ClosingReason?) throws(Refusal) {
        if current == .closed, target != .open { throw .closedMustBeReopened }
        if current == target { throw .unchanged }
        if target == .closed, reason == nil { throw .closingNeedsReason }
        if target != .closed, reason != nil { throw .reasonOnlyWhenClosing }
        guard next(after: current).contains(target) else { throw .notAllowed }
    }
}

/// Where a service for a case stands.
public enum ServiceStatus: String, CaseIterable, Sendable, Codable {
    case planned
    case inProgress = "in_progress"
    case delivered, cancelled

    public var labelKey: String { "service_status_\(rawValue)" }
}

/// What a service's cost is booked against (VOCABULARY.md, casework).
public enum BudgetLine: String, CaseIterable, Sendable, Codable {
    case socialWork = "social_work"
    case domesticTravel = "domestic_travel"
    case visasAndDeparture = "visas_departure"
    case housing, food, medical, legal, communication, other

    public var labelKey: String { "budget_\(rawValue)" }
}

/// An amount of money in minor units of an ISO 4217 currency: `Money(parsing: "1500.50", currency: "mdl")` is 150050 MDL.
public struct Money: Sendable, Equatable, Codable, CustomStringConvertible {
    public let minorUnits: Int
    public let currency: String

    public init(minorUnits: Int, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Reads an amount with up to two decimals (a comma is read as the decimal point) and a three-letter currency;
    /// nil for anything else, for negative amounts and for more than a billion.
    public init?(parsing amount: String, currency: String) {
        let code = currency.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let text = amount.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            .replacingOccurrences(of: " ", with: "")
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 9, parts[0].allSatisfy(\.isASCII),
              let whole = Int(parts[0]), whole >= 0 else { return nil }
        var cents = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let fraction = Int(parts[1]) else { return nil }
            cents = parts[1].count == 1 ? fraction * 10 : fraction
        }
        self.init(minorUnits: whole * 100 + cents, currency: code)
    }

    /// `1500.50 MDL`.
    public var description: String {
        let cents = minorUnits % 100
        return "\(minorUnits / 100).\(cents < 10 ? "0" : "")\(cents) \(currency)"
    }
}

/// Calendar days as `yyyy-MM-dd` text, in UTC: sortable, comparable, the form HTML date inputs send.
public enum Day {
    /// Today in UTC.
    public static func today(_ now: Date = Date()) -> String {
        normalizedFormatter().string(from: now)
    }

    /// The day in canonical form, or nil when the text is not a real calendar day. Read by hand, digit by digit:
    /// Foundation's `DateFormatter` traps on some strings with combining marks (found by fuzzing).
    public static func normalized(_ text: String) -> String? {
        guard let parts = parts(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        return String(format: "%04d-%02d-%02d", parts.year, parts.month, parts.day)
    }

    /// `yyyy-MM-dd` as numbers, when it is a real calendar day (years 1 to 9999).
    public static func parts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...9999).contains(year), (1...12).contains(month), (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        return (year, month, day)
    }

    static func normalizedFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }
}
