/// The fixed parts of a DOCX package: content types, relationships, styles, settings, the page-number header.
enum DocxParts {
    static let contentTypes = OOXMLPackage.contentTypes([
        ("/word/document.xml", "\(type)document.main+xml"), ("/word/styles.xml", "\(type)styles+xml"),
        ("/word/settings.xml", "\(type)settings+xml"), ("/word/footnotes.xml", "\(type)footnotes+xml"),
        ("/word/header1.xml", "\(type)header+xml"), ("/word/footer1.xml", "\(type)footer+xml"),
    ])

    static let type = "application/vnd.openxmlformats-officedocument.wordprocessingml."

    static let packageRelationships = OOXMLPackage.relationships([("rId1", "officeDocument", "word/document.xml")])

    static let documentRelationships = OOXMLPackage.relationships([
        ("rId1", "styles", "styles.xml"), ("rId2", "settings", "settings.xml"), ("rId3", "footnotes", "footnotes.xml"),
        ("rId4", "header", "header1.xml"), ("rId5", "footer", "footer1.xml"),
    ])

    static var styles: String {
        let font = Decree30Layout.font
        return XML.declaration + """
            <w:styles \(WordML.namespaces)>\
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="\(font)" w:hAnsi="\(font)" w:cs="\(font)" w:eastAsia="\(font)"/>\
            <w:color w:val="000000"/><w:sz w:val="\(Decree30Layout.body)"/><w:szCs w:val="\(Decree30Layout.body)"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            <w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr>\
            <w:rPr><w:sz w:val="\(Decree30Layout.footnote)"/><w:szCs w:val="\(Decree30Layout.footnote)"/></w:rPr></w:style>\
            <w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>\
            <w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:jc w:val="center"/></w:pPr></w:style>\
            </w:styles>
            """
    }

    static let settings =
        XML.declaration + """
            <w:settings \(WordML.namespaces)><w:defaultTabStop w:val="720"/>\
            <w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>\
            <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
            </w:settings>
            """

    /// Which figures the document shows, in small italics at the foot of every page (empty when unstated).
    static func viewFooter(_ statement: String?) -> String {
        let run = statement.map {
            "<w:r><w:rPr><w:i/><w:iCs/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr>"
                + "<w:t xml:space=\"preserve\">\(Markup.escape($0))</w:t></w:r>"
        }
        return XML.declaration
            + "<w:ftr \(WordML.namespaces)><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\(run ?? "")</w:p></w:ftr>"
    }

    /// Page numbers centred in the top margin; the section's `titlePg` leaves page 1 without one.
    static let pageNumberHeader =
        XML.declaration + """
            <w:hdr \(WordML.namespaces)><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
            </w:p></w:hdr>
            """
}
