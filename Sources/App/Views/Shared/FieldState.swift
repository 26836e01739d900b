import HavenDomain
import Vapor

/// A form field's value as typed and the problem with it, if any (shown next to the field).
struct FieldState: Encodable {
    var value: String = ""
    var error: String?
}
