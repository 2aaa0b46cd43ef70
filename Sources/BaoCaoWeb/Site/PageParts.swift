import BaoCaoDomain
import BaoCaoStorage
import Foundation

/// "2026-11-26T20:30:01.123Z" → "27/11/2026 03:30" (giờ Việt Nam).
enum DateText {
    static func short(_ iso: String) -> String {
        guard let instant = Timestamp.date(iso) else { return iso }
        let (date, minute) = Timestamp.vietnam(instant)
        return day(date) + " " + (minute / 60 < 10 ? "0" : "") + "\(minute / 60):" + (minute % 60 < 10 ? "0" : "")
            + "\(minute % 60)"
    }

    static func day(_ date: CivilDate) -> String { date.slashed }
}

/// The period chooser on top of the pages: a GET form, so it works without JavaScript and can be bookmarked.
enum PeriodPicker {
    static func form(action: String, period: Period, unit: String? = nil, extra: HTML = "") -> HTML {
        """
        <form method="get" action="\(action)" class="filters card">\
        \(unit.map { u -> HTML in "<input type=\"hidden\" name=\"unit\" value=\"\(u)\">" } ?? "")\
        <div><label for="ky">Kỳ báo cáo</label><input id="ky" name="period" type="text" list="ky-chon" \
        value="\(period.vietnameseName)" size="22" autocomplete="off" aria-describedby="ky-goi-y">\
        <datalist id="ky-chon">\(Period.choices(around: period.year).map { p -> HTML in "<option value=\"\(p.vietnameseName)\">" })</datalist>\
        <span id="ky-goi-y" class="small muted">chọn trong danh sách hoặc gõ, ví dụ: 6 tháng đầu năm 2017, quý II năm 2017</span></div>\
        \(extra)<div><button type="submit" class="secondary">Xem</button></div></form>
        """
    }
}
