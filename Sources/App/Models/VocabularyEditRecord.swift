import Fluent
import Foundation

/// An administrator's change to a vocabulary, as stored.
final class VocabularyEditRecord: Model, @unchecked Sendable {
    static let schema = "vocabulary_edits"

    @ID(key: .id) var id: UUID?
    @Field(key: "vocabulary") var vocabulary: String
    @Field(key: "code") var code: String
    @OptionalField(key: "parent") var parent: String?
    @Field(key: "label_en") var labelEN: String
    @Field(key: "label_ru") var labelRU: String
    @Field(key: "label_ro") var labelRO: String
    @Field(key: "is_retired") var isRetired: Bool

    init() {}
}
