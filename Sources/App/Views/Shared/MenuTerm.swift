import HavenDomain
import Vapor

/// A vocabulary whose terms appear in menus: a stable code and a localisation key.
protocol MenuTerm: CaseIterable, RawRepresentable where RawValue == String {
    var labelKey: String { get }
}

extension CaseStatus: MenuTerm {}
extension RiskLevel: MenuTerm {}
extension ClosingReason: MenuTerm {}
extension Need: MenuTerm {}
extension ServiceStatus: MenuTerm {}
extension BudgetLine: MenuTerm {}
extension ReportKind: MenuTerm {}
extension ReportStatus: MenuTerm {}
extension Confidentiality: MenuTerm {}
extension VerificationStatus: MenuTerm {}
extension SourceKind: MenuTerm {}
extension SexualOrientation: MenuTerm {}
extension GenderIdentity: MenuTerm {}
extension IntersexStatus: MenuTerm {}
extension Vulnerability: MenuTerm {}
extension ProceedingStage: MenuTerm {}
extension PenaltyKind: MenuTerm {}
extension PublicationKind: MenuTerm {}
extension PublicationStatus: MenuTerm {}
extension DeletionReason: MenuTerm {}

extension Request {
    /// The terms of a menu in the request's language, chosen ones marked; `blank` adds an empty first choice.
    func choices<T: MenuTerm>(_ type: T.Type, chosen: Set<String> = [], blank: Bool = false) -> [Choice] {
        (blank ? [Choice(code: "", name: "—", isChosen: chosen.isEmpty || chosen == [""])] : [])
            + T.allCases.map { Choice(code: $0.rawValue, name: t($0.labelKey), isChosen: chosen.contains($0.rawValue)) }
    }
}
