import Fluent
import Foundation
import HavenDomain

/// A language publications may be written in; administrators add more.
final class ContentLanguage: Model, @unchecked Sendable {
    static let schema = "content_languages"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "position") var position: Int

    init() {}

    init(code: String, name: String, position: Int) {
        self.id = code
        self.name = name
        self.position = position
    }
}
