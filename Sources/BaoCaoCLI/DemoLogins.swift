import BaoCaoWeb

/// The demo accounts as the start-up message lists them: the district's roles one by one, the offices' and wards'
/// accounts by pattern.
enum DemoLogins {
    static func text(_ accounts: [DemoAccounts.Entry], password: String) -> String {
        let district = accounts.filter { $0.unitCode == DemoAccounts.districtCode }
        let wards = accounts.filter { DemoAccounts.wardCodes.contains($0.unitCode) }
        let reform = Set(DemoAccounts.reformEntries.map(\.username))
        let offices = accounts.filter {
            $0.unitCode != DemoAccounts.districtCode && !wards.map(\.username).contains($0.username)
                && !reform.contains($0.username)
        }
        var lines = ["  Tài khoản mẫu (mật khẩu chung: \(password)):"]
        for a in district {
            lines.append("    \(a.username.padding(toLength: 16, withPad: " ", startingAt: 0)) \(a.displayName)")
        }
        let officeNames = Set(offices.map { String($0.username.split(separator: ".")[0]) }).sorted()
        lines.append("    <phòng>.baocao / <phòng>.duyet  báo cáo viên / trưởng phòng; <phòng> là một trong:")
        lines.append("      " + officeNames.joined(separator: ", "))
        for a in wards {
            lines.append("    \(a.username.padding(toLength: 16, withPad: " ", startingAt: 0)) \(a.displayName)")
        }
        let afterReform = accounts.filter { reform.contains($0.username) }
        if !afterReform.isEmpty {
            lines.append("  Sau sắp xếp ngày 01/7/2025 (Hải Phòng hai cấp, kỳ 6 tháng đầu năm 2026):")
            for a in afterReform {
                lines.append("    \(a.username.padding(toLength: 18, withPad: " ", startingAt: 0)) \(a.displayName)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
