import Foundation

/// Needs and services a person may ask for (VOCABULARY.md, casework).
public enum Need: String, CaseIterable, Sendable, Codable {
    case legalConsultation = "legal_consultation"
    case legalRepresentation = "legal_representation"
    case strategicLitigation = "strategic_litigation"
    case psychological
    case medical
    case shelter
    case relocationInCountry = "relocation_in_country"
    case relocationAbroad = "relocation_abroad"
    case visaAsylum = "visa_asylum"
    case financial
    case digitalSecurity = "digital_security"
    case documents
    case peerSupport = "peer_support"

    public var labelKey: String { "need_\(rawValue)" }
}
