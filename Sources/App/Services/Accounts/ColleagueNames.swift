import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault

/// Display names by user, as one staff member reads them.
struct ColleagueNames: Sendable {
    let names: [UUID: String]
    let me: UUID

    /// A colleague's name; a short id for one who has not chosen a name yet, "—" for nobody.
    func name(of id: UUID?) -> String {
        guard let id else { return "—" }
        if let name = names[id], !name.isEmpty { return name }
        return "#" + id.uuidString.prefix(8)
    }

    /// Whether an id is the reader's own.
    func isMe(_ id: UUID?) -> Bool { id == me }
}
