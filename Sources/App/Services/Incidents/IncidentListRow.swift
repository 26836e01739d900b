import Fluent
import Foundation
import HavenDomain
import SQLKit

/// One line of the incident list: clear columns only (restricted titles are sealed and never listed).
struct IncidentListRow: Sendable {
    let seq: Int
    let code: String
    let confidentiality: Confidentiality
    let title: String
    let country: String
    let startDate: String
    let endDate: String?
    let verification: VerificationStatus
}
