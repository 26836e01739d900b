import Foundation
import HavenDomain
import Vapor

/// A code and a localised name, for menus.
struct Choice: Encodable {
    let code: String
    let name: String
    var isChosen = false
}
