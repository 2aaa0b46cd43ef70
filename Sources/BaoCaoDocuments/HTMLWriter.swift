import BaoCaoDomain

/// Writes a `ReportDocument` as one HTML page that reads like the paper document on screen and prints on A4 with
/// the Decree 30 margins. Footnotes become numbered notes at the end, linked both ways; missing figures are marked.
public enum HTMLWriter {
    public static func write(_ d: ReportDocument, title: String) -> String {
        var html = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        html += "<title>\(Markup.escape(title))</title><style>\(css)</style></head><body><main class=\"page\">"
        if let view = d.view {
            html += "<p class=\"view \(view == .working ? "draft" : "official")\">"
            html += (view == .working ? "DỰ THẢO — " : "") + Markup.escape(view.statement) + "</p>"
        }
        html += "<table class=\"header\"><tr><td class=\"issuer\">"
        html += lines(d.headerLines(.issuerParent), "p")
        html +=
            "<p class=\"bold\">" + d.headerLines(.issuer).map(Markup.escape).joined(separator: "<br>")
            + "</p><hr class=\"rule\">"
        html += lines(d.headerLines(.number), "p")
        html += "<p class=\"purpose\">" + d.headerLines(.purpose).map(Markup.escape).joined(separator: "<br>") + "</p>"
        html += "</td><td class=\"nation\"><p class=\"bold small\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"
        html += "<p class=\"bold\">Độc lập - Tự do - Hạnh phúc</p><hr class=\"rule wide\">"
        html +=
            "<p class=\"date\">" + d.headerLines(.placeDate).map(keepingBlanks).joined(separator: "<br>")
            + "</p></td></tr></table>"
        html += "<h1>" + d.headerLines(.title).map(Markup.escape).joined(separator: " ") + "</h1>"
        html +=
            "<p class=\"subject\">" + d.headerLines(.subject).map(Markup.escape).joined(separator: "<br>")
            + "</p><hr class=\"rule\">"
        for block in d.blocks {
            switch block {
            case .heading(let level, let text):
                html += "<h\(level + 1)>" + text.map(Markup.escape).joined(separator: "<br>") + "</h\(level + 1)>"
            case .paragraph(let runs): html += "<p>" + content(runs) + "</p>"
            case .bullet(let runs): html += "<p>- " + content(runs) + "</p>"
            case .table(let table):
                html += "<table class=\"body-table\"><thead><tr>"
                html += table.headings.map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
                for row in table.rows {
                    html += "<tr>" + row.map { "<td>\(Markup.escape($0))</td>" }.joined() + "</tr>"
                }
                html += "</tbody></table>"
            }
        }
        if d.isSigned {
            html += "<table class=\"signature\"><tr><td><p class=\"recipients-title\">Nơi nhận:</p>"
            html += d.headerLines(.recipients).map { "<p class=\"recipient\">- \(Markup.escape($0))</p>" }.joined()
            html +=
                "</td><td class=\"signer\"><p class=\"bold\">"
                + d.headerLines(.signature).map(Markup.escape).joined(separator: "<br>")
            html +=
                "</p><p class=\"bold name\">" + d.headerLines(.signer).map(Markup.escape).joined(separator: "<br>")
                + "</p></td></tr></table>"
        }
        if d.annexInDocument {
            let annex = d.annex
            html += "<section class=\"annex\"><h2>PHỤ LỤC<br>Một số chỉ tiêu kinh tế - xã hội chủ yếu "
            html += Markup.escape(annex.period.vietnameseName) + "</h2>"
            if let reference = d.annexReference { html += "<p class=\"annex-ref\">\(keepingBlanks(reference))</p>" }
            html += "<table><thead><tr>"
            var headings = AnnexTable.headings
            headings[4] = annex.currentHeading
            html += headings.map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            for row in annex.rows {
                html +=
                    "<tr>"
                    + row.cells.enumerated().map {
                        "<td class=\"\($0.offset >= 2 ? "n" : "t")\">\(Markup.escape($0.element))</td>"
                    }
                    .joined() + "</tr>"
            }
            html += "</tbody></table></section>"
        }
        if !d.footnotes.isEmpty {
            html += "<section class=\"footnotes\"><hr>"
            for (index, note) in d.footnotes.enumerated() {
                let n = index + 1
                html += "<p id=\"fn\(n)\"><a href=\"#ref\(n)\"><sup>\(n)</sup></a> \(marked(note))</p>"
            }
            html += "</section>"
        }
        return html + "</main></body></html>"
    }

    static func content(_ runs: [ReportDocument.Run]) -> String {
        runs.map {
            switch $0 {
            case .text(let t): return marked(t)
            case .italic(let t): return "<em>" + marked(t) + "</em>"
            case .footnote(let n): return "<a class=\"ref\" id=\"ref\(n)\" href=\"#fn\(n)\"><sup>\(n)</sup></a>"
            case .footnoteAgain(let n): return "<a class=\"ref\" href=\"#fn\(n)\"><sup>\(n)</sup></a>"
            }
        }.joined()
    }

    /// Escapes the text and highlights the "[thiếu số liệu: ...]" and "[chưa cập nhật: ...]" marks for the compiler.
    static func marked(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let mark = MissingMark.first(in: rest) {
            out += Markup.escape(String(rest[..<mark.lowerBound]))
            out += "<mark>" + Markup.escape(String(rest[mark])) + "</mark>"
            rest = rest[rest.index(after: mark.upperBound)...]
        }
        return out + Markup.escape(String(rest))
    }

    static func lines(_ lines: [String], _ tag: String) -> String {
        lines.isEmpty ? "" : "<\(tag)>" + lines.map(keepingBlanks).joined(separator: "<br>") + "</\(tag)>"
    }

    /// Header lines keep their blanks ("Số:     /BC-UBND", "ngày    tháng"), which HTML would fold into one.
    static func keepingBlanks(_ text: String) -> String {
        Markup.escape(text).replacingOccurrences(of: "  ", with: " &nbsp;")
    }

    static let css = """
        @page{size:A4;margin:20mm 15mm 20mm 30mm}
        body{background:#e8e8e8;margin:0;font-family:"Times New Roman",Times,serif;color:#000}
        .page{background:#fff;max-width:165mm;margin:1.5rem auto;padding:20mm 15mm 20mm 30mm;font-size:14pt;line-height:1.35}
        .view{font:italic 10pt sans-serif;text-align:center;margin:0 0 8pt;color:#444}
        .view.draft{font-weight:bold;font-style:normal;color:#b42318;border:1px solid #b42318;padding:2pt}
        @media print{body{background:#fff}.page{margin:0;padding:0;max-width:none}}
        @media (max-width:700px){.page{padding:1rem;font-size:12pt}}
        table{width:100%;border-collapse:collapse}td{vertical-align:top;text-align:center;padding:0}
        .header td.issuer{width:39%}.header p{margin:0;font-size:13pt}.header .nation p.bold{font-size:14pt}
        .header .nation p.small{font-size:13pt}.purpose{font-style:italic;font-size:12pt!important;margin-top:.3em!important}
        .date{font-style:italic;font-size:14pt!important;margin-top:.4em!important}
        .bold{font-weight:bold}hr.rule{width:30%;border:0;border-top:1px solid #000;margin:.2em auto .4em}
        hr.wide{width:62%}h1{font-size:14pt;text-align:center;margin:1.2em 0 0}
        .subject{font-weight:bold;text-align:center;margin:0}
        h2{font-size:14pt;text-align:center;margin:1em 0 .3em}h3,h4{font-size:14pt;margin:.6em 0 .3em;text-indent:1.27cm}
        p{text-align:justify;text-indent:1.27cm;margin:0 0 .35em}
        .header p,.subject,.signature p{text-indent:0}
        .signature{margin-top:1em}.signature td{width:50%}.signature td:first-child{text-align:left}
        .recipients-title{font-size:12pt;font-weight:bold;font-style:italic;margin:0}
        .recipient{font-size:11pt;margin:0;text-align:left}.signer .name{margin-top:4em}
        .footnotes{font-size:12pt;margin-top:2em}.footnotes p{text-indent:0}
        .annex{break-before:page;margin-top:2em}.annex-ref{font-style:italic;text-align:center;text-indent:0}.annex table{font-size:11pt}
        .annex th,.annex td{border:1px solid #000;padding:.2em .3em}.annex td.t{text-align:left}.annex td.n{text-align:right}
        a.ref,.footnotes a{text-decoration:none;color:inherit}mark{background:#ffe066}
        table.body-table{width:100%;font-size:11pt;margin:.4em 0 .8em}.body-table th,.body-table td{border:1px solid #000;
        padding:.2em .3em;vertical-align:top;text-align:left}
        """
}
