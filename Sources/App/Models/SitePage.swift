import Fluent
import Foundation
import HavenDomain

/// A page of the public site that administrators write (the about and contact page), one text per language.
final class SitePage: Model, @unchecked Sendable {
    static let schema = "site_pages"

    @ID(custom: "name", generatedBy: .user) var id: String?
    /// `Translations` of the page's `Markup`, as JSON.
    @Field(key: "content") var content: Data
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
