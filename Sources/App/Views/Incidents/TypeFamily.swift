import Foundation
import HavenDomain
import Vapor

/// A family of incident types with its types, for the checkbox groups of the form and the filter menu.
struct TypeFamily: Encodable {
    let code: String
    let name: String
    var isChosen = false
    let types: [Choice]
}
