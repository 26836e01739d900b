import Foundation

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
