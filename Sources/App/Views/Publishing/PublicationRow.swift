import Foundation
import HavenDomain
import Vapor

/// A publication in a public list.
struct PublicationRow: Encodable {
    let path: String
    let title: String
    let summary: String
    let date: String
    let kindName: String
    /// The language the row's text is in (for `lang=`).
    let language: String
}
