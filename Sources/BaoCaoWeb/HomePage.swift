import Vapor

/// A plain landing page until the web application arrives: what this server is and where its data can be read.
enum HomePage {
    static func render() -> Response {
        let links = [
            (SiteURL.apiFigures(unit: "304", period: "2017-H1").path, "Số liệu quận Ngô Quyền, 6 tháng đầu năm 2017"),
            (
                SiteURL.report(template: "ngo-quyen-6-thang", unit: "304", period: "2017-H1", format: "html").path,
                "Báo cáo 6 tháng đầu năm 2017 (xem trước)"
            ),
            (
                SiteURL.report(template: "ngo-quyen-6-thang", unit: "304", period: "2017-H1", format: "docx").path,
                "Báo cáo 6 tháng đầu năm 2017 (DOCX)"
            ),
            (SiteURL.apiUnits.path, "Danh sách đơn vị"),
            (SiteURL.apiIndicators.path, "Danh mục chỉ tiêu"),
            (SiteURL.apiPeriod("2017-H1").path, "Kỳ báo cáo 2017-H1 và thời hạn"),
        ]
        let items = links.map { "<li><a href=\"\(escape($0.0))\">\(escape($0.1))</a></li>" }.joined()
        let html = """
            <!doctype html><html lang="vi"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>BaoCao</title>
            <style>body{font-family:"Times New Roman",serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>
            </head><body><h1>BaoCao</h1>
            <p>Hệ thống báo cáo tình hình kinh tế - xã hội cho Ủy ban nhân dân các cấp.</p>
            <h2>Dữ liệu (API chỉ đọc)</h2><ul>\(items)</ul></body></html>
            """
        let response = Response(status: .ok, body: .init(string: html))
        response.headers.contentType = .html
        return response
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
