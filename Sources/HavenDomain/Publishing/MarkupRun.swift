import Foundation

/// A run of text with the same formatting; `link` is a safe address or empty; `isBreak` marks a line break.
public struct MarkupRun: Sendable, Equatable, Encodable {
    public var text = ""
    public var isStrong = false
    public var isEmphasis = false
    public var link = ""
    public var isBreak = false

    public init(text: String = "", isStrong: Bool = false, isEmphasis: Bool = false, link: String = "", isBreak: Bool = false) {
        self.text = text
        self.isStrong = isStrong
        self.isEmphasis = isEmphasis
        self.link = link
        self.isBreak = isBreak
    }

    static let lineBreak = MarkupRun(isBreak: true)
}
