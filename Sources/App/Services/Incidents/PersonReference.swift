import Foundation
import HavenDomain

/// Who a form row names: a person already recorded, or a new one to create with this name.
enum PersonReference: Sendable {
    case existing(Person)
    case new(name: String)
}
