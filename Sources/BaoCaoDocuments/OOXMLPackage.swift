import Foundation
import ZIPFoundation

/// An Office Open XML package (DOCX now, XLSX later): named XML parts zipped in memory.
struct OOXMLPackage {
    private(set) var parts: [(path: String, xml: String)] = []

    mutating func add(_ path: String, _ xml: String) { parts.append((path, xml)) }

    /// The zipped package. `[Content_Types].xml` must be among the parts; it is written first, as consumers expect.
    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let ordered = parts.sorted {
            ($0.path == "[Content_Types].xml" ? 0 : 1) < ($1.path == "[Content_Types].xml" ? 0 : 1)
        }
        for part in ordered {
            let bytes = Data(part.xml.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                modificationDate: Date(timeIntervalSince1970: 1_577_836_800),
                compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw PackageError() }
        return data
    }

    struct PackageError: Error, CustomStringConvertible {
        var description: String { "Không tạo được tệp Office Open XML" }
    }
}

extension OOXMLPackage {
    static let relationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// `[Content_Types].xml`: rels and xml by extension, and each part's own type.
    static func contentTypes(_ overrides: [(part: String, type: String)]) -> String {
        XML.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + overrides.map { "<Override PartName=\"\($0.part)\" ContentType=\"\($0.type)\"/>" }.joined() + "</Types>"
    }

    /// A relationships part; types are the last segment of the officeDocument relationship URIs.
    static func relationships(_ targets: [(id: String, type: String, target: String)]) -> String {
        XML.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + targets.map {
                "<Relationship Id=\"\($0.id)\" Type=\"\(relationshipBase)\($0.type)\" Target=\"\($0.target)\"/>"
            }.joined() + "</Relationships>"
    }
}

/// XML text escaping for element content and attribute values.
enum XML {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
}
