/// The structure of BaoCao's SDMX data, as an SDMX-ML 3.0 structure message: the code lists of frequencies,
/// indicators, areas and observation statuses, the concepts, the data structure definition `DSD_KTXH` (dimensions
/// FREQ, INDICATOR, REF_AREA and the time; the measure OBS_VALUE; attributes UNIT_MEASURE, OBS_STATUS, COMMENT) and
/// the dataflow `DF_KTXH` the data rows name.
public enum SDMXStructure {
    public struct Item: Sendable {
        public var code: String
        public var name: String
        public init(code: String, name: String) { self.code = code; self.name = name }
    }

    static let concepts: [(String, String)] = [
        ("FREQ", "Tần suất"), ("INDICATOR", "Chỉ tiêu"), ("REF_AREA", "Đơn vị hành chính, cơ quan"),
        ("TIME_PERIOD", "Kỳ"), ("OBS_VALUE", "Giá trị"), ("UNIT_MEASURE", "Đơn vị tính"),
        ("OBS_STATUS", "Trạng thái số liệu"), ("COMMENT", "Ghi chú"),
    ]

    public static func xml(indicators: [Item], areas: [Item], prepared: String) -> String {
        let a = SDMXCSV.agency, v = SDMXCSV.version
        func urn(_ kind: String, _ id: String) -> String {
            "urn:sdmx:org.sdmx.infomodel.\(kind)=\(a):\(id)(\(v))"
        }
        func concept(_ id: String) -> String { urn("conceptscheme.Concept", "CS_BAOCAO") + ".\(id)" }
        func name(_ text: String, _ indent: String) -> String {
            "\(indent)<com:Name xml:lang=\"vi\">\(escape(text))</com:Name>\n"
        }
        func codelist(_ id: String, _ title: String, _ items: [Item]) -> String {
            var out = "      <str:Codelist id=\"\(id)\" agencyID=\"\(a)\" version=\"\(v)\" isPartial=\"false\">\n"
            out += name(title, "        ")
            var seen = Set<String>()
            for item in items where seen.insert(item.code).inserted {
                out += "        <str:Code id=\"\(escape(item.code))\">\n" + name(item.name, "          ")
                out += "        </str:Code>\n"
            }
            return out + "      </str:Codelist>\n"
        }
        func component(
            _ element: String, _ id: String, position: Int?, usage: String?, representation: String
        )
            -> String
        {
            var open = "          <str:\(element)"
            if let usage { open += " usage=\"\(usage)\"" }
            open += " id=\"\(id)\""
            if let position { open += " position=\"\(position)\"" }
            var out = open + ">\n"
            out += "            <str:ConceptIdentity>\(concept(id))</str:ConceptIdentity>\n"
            out += "            <str:LocalRepresentation>\(representation)</str:LocalRepresentation>\n"
            if usage != nil {
                out += "            <str:AttributeRelationship><str:Observation/></str:AttributeRelationship>\n"
                out +=
                    "            <str:MeasureRelationship><str:Measure>OBS_VALUE</str:Measure></str:MeasureRelationship>\n"
            }
            return out + "          </str:\(element)>\n"
        }
        func coded(_ list: String) -> String { "<str:Enumeration>\(urn("codelist.Codelist", list))</str:Enumeration>" }
        func text(_ type: String) -> String { "<str:TextFormat textType=\"\(type)\"/>" }

        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mes:Structure xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message" \
            xmlns:str="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/structure" \
            xmlns:com="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/common">
              <mes:Header>
                <mes:ID>BAOCAO_DSD_KTXH</mes:ID>
                <mes:Test>false</mes:Test>
                <mes:Prepared>\(prepared)</mes:Prepared>
                <mes:Sender id="\(a)"/>
              </mes:Header>
              <mes:Structures>
                <str:Dataflows>
                  <str:Dataflow id="\(SDMXCSV.dataflow)" agencyID="\(a)" version="\(v)">

            """
        out += name("Số liệu kinh tế - xã hội (BaoCao)", "        ")
        out += "        <str:Structure>\(urn("datastructure.DataStructure", "DSD_KTXH"))</str:Structure>\n"
        out += "      </str:Dataflow>\n    </str:Dataflows>\n    <str:Codelists>\n"
        out += codelist("CL_FREQ", "Tần suất", SDMXTime.frequencies.map { Item(code: $0.code, name: $0.name) })
        out += codelist("CL_INDICATOR", "Chỉ tiêu", indicators)
        out += codelist("CL_AREA", "Đơn vị hành chính, cơ quan", areas)
        out += codelist(
            "CL_OBS_STATUS", "Trạng thái số liệu",
            [Item(code: "A", name: "Chính thức"), Item(code: "E", name: "Ước tính")])
        out += "    </str:Codelists>\n    <str:ConceptSchemes>\n"
        out += "      <str:ConceptScheme id=\"CS_BAOCAO\" agencyID=\"\(a)\" version=\"\(v)\" isPartial=\"false\">\n"
        out += name("Khái niệm của BaoCao", "        ")
        for (id, title) in concepts {
            out += "        <str:Concept id=\"\(id)\">\n" + name(title, "          ") + "        </str:Concept>\n"
        }
        out += "      </str:ConceptScheme>\n    </str:ConceptSchemes>\n    <str:DataStructures>\n"
        out += "      <str:DataStructure id=\"DSD_KTXH\" agencyID=\"\(a)\" version=\"\(v)\">\n"
        out += name("Số liệu kinh tế - xã hội", "        ")
        out += "        <str:DataStructureComponents>\n          <str:DimensionList>\n"
        out += component("Dimension", "FREQ", position: 1, usage: nil, representation: coded("CL_FREQ"))
        out += component("Dimension", "INDICATOR", position: 2, usage: nil, representation: coded("CL_INDICATOR"))
        out += component("Dimension", "REF_AREA", position: 3, usage: nil, representation: coded("CL_AREA"))
        out += component(
            "TimeDimension", "TIME_PERIOD", position: nil, usage: nil, representation: text("ObservationalTimePeriod"))
        out += "          </str:DimensionList>\n          <str:AttributeList>\n"
        out += component("Attribute", "UNIT_MEASURE", position: nil, usage: "optional", representation: text("String"))
        out += component(
            "Attribute", "OBS_STATUS", position: nil, usage: "mandatory", representation: coded("CL_OBS_STATUS"))
        out += component("Attribute", "COMMENT", position: nil, usage: "optional", representation: text("String"))
        out += "          </str:AttributeList>\n          <str:MeasureList>\n"
        out += component("Measure", "OBS_VALUE", position: nil, usage: nil, representation: text("Decimal"))
        out += "          </str:MeasureList>\n        </str:DataStructureComponents>\n"
        out += "      </str:DataStructure>\n    </str:DataStructures>\n  </mes:Structures>\n</mes:Structure>\n"
        return out
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
