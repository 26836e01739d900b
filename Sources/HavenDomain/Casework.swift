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
