/// HEIF/HEIC (and AVIF): metadata are items of the `meta` box — `Exif`, and `mime` items of type
/// `application/rdf+xml` (XMP). Their bytes are overwritten with zeros where `iloc` says they are and their item type
/// renamed, so no offset in the file changes and readers skip an item type they do not know.
extension ImageMetadata {
    /// A box: its type, where its content starts and where it ends.
    struct Box {
        let type: String
        let content: Int
        let end: Int
    }

    static func boxes(_ bytes: [UInt8], from start: Int, to end: Int) -> [Box]? {
        var found: [Box] = []
        var index = start
        while index + 8 <= end {
            guard let size32 = bytes.bigEndian(index, 4), let type = bytes.fourCC(index + 4) else { return nil }
            var header = 8
            var size = size32
            if size32 == 1 {
                guard let size64 = bytes.bigEndian(index + 8, 8) else { return nil }
                size = size64
                header = 16
            } else if size32 == 0 {
                size = end - index
            }
            guard size >= header, size <= end - index else { return nil }
            found.append(Box(type: type, content: index + header, end: index + size))
            index += size
        }
        return found
    }

    static func strippedHEIF(_ bytes: [UInt8]) -> [UInt8]? {
        guard let top = boxes(bytes, from: 0, to: bytes.count), let meta = top.first(where: { $0.type == "meta" }),
            let children = boxes(bytes, from: meta.content + 4, to: meta.end),
            let iinf = children.first(where: { $0.type == "iinf" }), let iloc = children.first(where: { $0.type == "iloc" }),
            let items = metadataItems(bytes, iinf), let extents = itemExtents(bytes, iloc)
        else { return nil }
        var output = bytes
        let idat = children.first { $0.type == "idat" }
        for item in items {
            for extent in extents[item.id] ?? [] {
                let base: Int
                switch extent.method {
                case 0: base = 0
                case 1:
                    guard let idat else { return nil }
                    base = idat.content
                default: return nil
                }
                let start = base + extent.offset
                guard extent.length > 0, start >= 0, start <= output.count - extent.length else { return nil }
                for index in start..<(start + extent.length) { output[index] = 0 }
            }
            for (offset, byte) in "hvn0".utf8.enumerated() { output[item.typeOffset + offset] = byte }
        }
        return output
    }

    /// The `Exif` and XMP items: their ids and where their item type is written.
    static func metadataItems(_ bytes: [UInt8], _ iinf: Box) -> [(id: Int, typeOffset: Int)]? {
        guard let version = bytes.bigEndian(iinf.content, 1) else { return nil }
        let entriesStart = iinf.content + 4 + (version == 0 ? 2 : 4)
        guard let entries = boxes(bytes, from: entriesStart, to: iinf.end) else { return nil }
        var items: [(id: Int, typeOffset: Int)] = []
        for entry in entries where entry.type == "infe" {
            guard let entryVersion = bytes.bigEndian(entry.content, 1), entryVersion >= 2 else { continue }
            let idSize = entryVersion == 2 ? 2 : 4
            guard let id = bytes.bigEndian(entry.content + 4, idSize) else { return nil }
            let typeOffset = entry.content + 4 + idSize + 2
            guard let type = bytes.fourCC(typeOffset), typeOffset + 4 <= entry.end else { return nil }
            if type == "Exif" {
                items.append((id, typeOffset))
            } else if type == "mime" {
                let strings = bytes[(typeOffset + 4)..<entry.end].split(separator: 0, omittingEmptySubsequences: false)
                let contentType = strings.count > 1 ? String(decoding: strings[1], as: UTF8.self).lowercased() : ""
                if contentType.contains("rdf+xml") || contentType.contains("xmp") { items.append((id, typeOffset)) }
            }
        }
        return items
    }

    /// Each item's extents from `iloc`: construction method (0 file, 1 `idat`), offset and length.
    static func itemExtents(_ bytes: [UInt8], _ iloc: Box) -> [Int: [(method: Int, offset: Int, length: Int)]]? {
        var index = iloc.content
        func read(_ count: Int) -> Int? {
            guard count > 0 else { return 0 }
            guard index + count <= iloc.end, let value = bytes.bigEndian(index, count) else { return nil }
            index += count
            return value
        }
        guard let version = read(1), read(3) != nil, let sizes = read(1), let moreSizes = read(1) else { return nil }
        let offsetSize = sizes >> 4
        let lengthSize = sizes & 0x0F
        let baseSize = moreSizes >> 4
        let indexSize = version == 1 || version == 2 ? moreSizes & 0x0F : 0
        guard [0, 4, 8].contains(offsetSize), [0, 4, 8].contains(lengthSize), [0, 4, 8].contains(baseSize),
            let count = read(version < 2 ? 2 : 4)
        else { return nil }
        var extents: [Int: [(method: Int, offset: Int, length: Int)]] = [:]
        for _ in 0..<count {
            guard let id = read(version < 2 ? 2 : 4) else { return nil }
            var method = 0
            if version == 1 || version == 2 {
                guard let value = read(2) else { return nil }
                method = value & 0x0F
            }
            guard read(2) != nil, let base = read(baseSize), let extentCount = read(2) else { return nil }
            for _ in 0..<extentCount {
                guard read(indexSize) != nil, let offset = read(offsetSize), let length = read(lengthSize) else { return nil }
                extents[id, default: []].append((method, base + offset, length))
            }
        }
        return extents
    }
}
