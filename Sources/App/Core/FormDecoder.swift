import Foundation
import Vapor

/// Decodes `application/x-www-form-urlencoded` bodies and query strings in linear time. Vapor's own decoder copies its
/// value-typed tree on every nested insertion, so a 1 MB form of `a[]=1&a[]=1…` took seconds and held an event loop;
/// this one builds the tree once, in place, from reference-typed nodes.
///
/// Keys as browsers and Haven's forms send them: `name`, `list[]`, `map[key]`, `rows[0][field]`; at most
/// `maximumDepth` levels. A repeated single value keeps its last occurrence; values are never split on commas.
struct FormDecoder: ContentDecoder, URLQueryDecoder {
    /// How deep keys may nest (`a[b][c]` is three).
    static let maximumDepth = 6

    func decode<D: Decodable>(_: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(_: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: Sendable]) throws -> D {
        guard headers.contentType == .urlEncodedForm else { throw Abort(.unsupportedMediaType) }
        return try decode(D.self, from: body.getString(at: body.readerIndex, length: body.readableBytes) ?? "", userInfo: userInfo)
    }

    func decode<D: Decodable>(_: D.Type, from url: URI) throws -> D {
        try decode(D.self, from: url.query ?? "")
    }

    func decode<D: Decodable>(_: D.Type, from url: URI, userInfo: [CodingUserInfoKey: Sendable]) throws -> D {
        try decode(D.self, from: url.query ?? "", userInfo: userInfo)
    }

    /// Decodes a value from form text (`a=1&b[]=2`); `userInfo` reaches the value's decoders (Vapor's key-path reads use it).
    func decode<D: Decodable>(_: D.Type, from text: String, userInfo: [CodingUserInfoKey: Sendable] = [:]) throws -> D {
        try D(from: NodeDecoder(node: try Self.tree(of: text), codingPath: [], userInfo: userInfo))
    }

    /// The last value sent under a top-level name, without decoding anything else (the CSRF check); pairs with a broken
    /// encoding are passed over.
    static func value(named name: String, in text: String) -> String? {
        var found: String?
        forEachPair(in: text) { pair in
            if let (key, value) = pair, key == name { found = value }
        }
        return found
    }

    /// Every decoded `key=value` pair in order (pairs with a broken encoding are passed over), for sending a form again.
    static func pairs(in text: String) -> [(String, String)] {
        var pairs: [(String, String)] = []
        forEachPair(in: text) { pair in if let pair { pairs.append(pair) } }
        return pairs
    }

    /// The form as a tree of names; throws 400 for names that do not parse and for broken escapes or bytes that are not
    /// UTF-8.
    static func tree(of text: String) throws -> FormNode {
        let root = FormNode()
        var failure: (any Error)?
        forEachPair(in: text) { pair in
            guard failure == nil else { return }
            guard let (key, value) = pair else {
                failure = Abort(.badRequest, reason: "The form's text is not valid UTF-8.")
                return
            }
            do {
                try root.insert(value, at: try path(of: key))
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return root
    }

    /// Calls `body` with every decoded `key=value` pair, in order, or nil for a pair whose encoding is broken.
    private static func forEachPair(in text: String, _ body: ((String, String)?) -> Void) {
        for pair in text.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let rawKey = equals.map { pair[pair.startIndex..<$0] } ?? pair[...]
            let rawValue = equals.map { pair[pair.index(after: $0)...] } ?? pair[pair.endIndex...]
            guard let key = percentDecoded(rawKey), let value = percentDecoded(rawValue) else {
                body(nil)
                continue
            }
            body((key, value))
        }
    }

    /// `+` as a space, then `%XX` escapes; nil for a broken escape or bytes that are not UTF-8.
    private static func percentDecoded(_ bytes: Substring.UTF8View.SubSequence) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                guard first < bytes.endIndex, bytes.index(after: first) < bytes.endIndex,
                    let high = hexValue(bytes[first]), let low = hexValue(bytes[bytes.index(after: first)])
                else { return nil }
                output.append(high << 4 | low)
                index = bytes.index(after: bytes.index(after: first))
                continue
            } else {
                output.append(byte)
            }
            index = bytes.index(after: index)
        }
        return String(validating: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// `rows[0][field]` → `["rows", "0", "field"]`; `list[]` → `["list", ""]`.
    private static func path(of key: String) throws -> [String] {
        guard let open = key.firstIndex(of: "[") else { return [key] }
        var parts = [String(key[..<open])]
        var rest = key[open...]
        while !rest.isEmpty {
            guard rest.first == "[", let close = rest.firstIndex(of: "]") else {
                throw Abort(.badRequest, reason: "A form field's name is malformed.")
            }
            parts.append(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[rest.index(after: close)...]
            guard parts.count <= maximumDepth else { throw Abort(.badRequest, reason: "A form field's name nests too deep.") }
        }
        return parts
    }
}

/// One name of a decoded form: the values sent under it, and its named children (`name[child]`).
final class FormNode {
    var values: [String] = []
    var children: [String: FormNode] = [:]

    /// Adds a value under a path; an empty part (`list[]`) appends to a list.
    func insert(_ value: String, at path: [String]) throws {
        var node = self
        for part in path {
            if let child = node.children[part] {
                node = child
            } else {
                let child = FormNode()
                node.children[part] = child
                node = child
            }
        }
        node.values.append(value)
    }

    /// The elements when the node is read as a list: `list[]=a&list[]=b`, `list=a&list=b`, or `list[0]=…&list[1]=…`.
    var elements: [FormNode] {
        let numbered = children.keys.compactMap { Int($0) }
        if !children.isEmpty, numbered.count == children.count, Set(numbered) == Set(0..<children.count) {
            return (0..<children.count).compactMap { children[String($0)] }
        }
        return (values + (children[""]?.values ?? [])).map { value in
            let leaf = FormNode()
            leaf.values = [value]
            return leaf
        }
    }
}

/// The `Decoder` over a form tree.
private struct NodeDecoder: Decoder {
    let node: FormNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedNode<Key>(node: node, codingPath: codingPath, userInfo: userInfo))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        UnkeyedNode(elements: node.elements, codingPath: codingPath, userInfo: userInfo)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleNode(node: node, codingPath: codingPath, userInfo: userInfo)
    }
}

/// Reads a node's last value as a scalar.
private func scalar<T: Decodable>(
    _ type: T.Type, from node: FormNode, codingPath: [any CodingKey],
    userInfo: [CodingUserInfoKey: Any]
) throws -> T {
    func mismatch() -> DecodingError {
        DecodingError.typeMismatch(T.self, .init(codingPath: codingPath, debugDescription: "The form value is not a \(T.self)."))
    }
    if T.self == String.self {
        guard let value = node.values.last else { throw mismatch() }
        return value as! T
    }
    if let convertible = T.self as? any LosslessStringConvertible.Type, T.self != Character.self {
        guard let text = node.values.last, let value = convertible.init(text.trimmingCharacters(in: .whitespaces)) else { throw mismatch() }
        return value as! T
    }
    return try T(from: NodeDecoder(node: node, codingPath: codingPath, userInfo: userInfo))
}

private struct KeyedNode<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: FormNode
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    var allKeys: [Key] { node.children.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { node.children[key.stringValue] != nil }

    func decodeNil(forKey key: Key) throws -> Bool { node.children[key.stringValue] == nil }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try scalar(T.self, from: node.children[key.stringValue] ?? FormNode(), codingPath: codingPath + [key], userInfo: userInfo)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(
            KeyedNode<NestedKey>(
                node: node.children[key.stringValue] ?? FormNode(), codingPath: codingPath + [key],
                userInfo: userInfo))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        UnkeyedNode(elements: (node.children[key.stringValue] ?? FormNode()).elements, codingPath: codingPath + [key], userInfo: userInfo)
    }

    func superDecoder() throws -> any Decoder { NodeDecoder(node: node, codingPath: codingPath, userInfo: userInfo) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        NodeDecoder(node: node.children[key.stringValue] ?? FormNode(), codingPath: codingPath + [key], userInfo: userInfo)
    }
}

private struct UnkeyedNode: UnkeyedDecodingContainer {
    /// An index as a coding key.
    struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { String(intValue ?? 0) }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    let elements: [FormNode]
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]
    var currentIndex = 0

    init(elements: [FormNode], codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: Any]) {
        self.elements = elements
        self.codingPath = codingPath
        self.userInfo = userInfo
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    mutating func next() throws -> FormNode {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(FormNode.self, .init(codingPath: codingPath, debugDescription: "No more values."))
        }
        defer { currentIndex += 1 }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let path = codingPath + [IndexKey(currentIndex)]
        return try scalar(T.self, from: try next(), codingPath: path, userInfo: userInfo)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let path = codingPath + [IndexKey(currentIndex)]
        return KeyedDecodingContainer(KeyedNode<NestedKey>(node: try next(), codingPath: path, userInfo: userInfo))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let path = codingPath + [IndexKey(currentIndex)]
        return UnkeyedNode(elements: try next().elements, codingPath: path, userInfo: userInfo)
    }

    mutating func superDecoder() throws -> any Decoder {
        let path = codingPath + [IndexKey(currentIndex)]
        return NodeDecoder(node: try next(), codingPath: path, userInfo: userInfo)
    }
}

private struct SingleNode: SingleValueDecodingContainer {
    let node: FormNode
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    func decodeNil() -> Bool { node.values.isEmpty && node.children.isEmpty }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try scalar(T.self, from: node, codingPath: codingPath, userInfo: userInfo)
    }
}
