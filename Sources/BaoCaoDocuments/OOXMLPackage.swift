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

/// XML text escaping for element content and attribute values.
enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text.precomposedStringWithCanonicalMapping {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
}
