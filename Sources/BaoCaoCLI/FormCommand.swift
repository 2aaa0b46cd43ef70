import ArgumentParser
import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import Foundation

/// `baocao form xlsx`: a unit's entry form for a period as an Excel workbook to fill offline.
struct FormCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Biểu nhập số liệu của một đơn vị trong một kỳ, dạng Excel để điền ngoài máy chủ.",
        discussion: "Điền xong, nhập lại bằng 'baocao import TỆP.xlsx' hoặc tải lên ở trang Nhập số liệu.")

    enum Kind: String, ExpressibleByArgument { case xlsx }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Dạng biểu: xlsx.") var kind = Kind.xlsx
    @Option(help: "Mã đơn vị (phòng, ban hoặc xã, phường), ví dụ 304-P01.") var unit: String
    @Option(help: "Kỳ, ví dụ 2017-H1.") var period: String
    @Option(name: .shortAndLong, help: "Tệp ghi ra (mặc định bieu-nhap-ĐƠN_VỊ-KỲ.xlsx).") var output: String?

    func run() async throws {
        let period: Period
        do { period = try Period(text: self.period) } catch { throw UserFacingError("Kỳ không hợp lệ: \(error)") }
        let data = try await database.withStore { store in
            let tree = try await UnitTree.load(store.sql)
            guard let unit = tree.byCode[unit] else { throw UserFacingError("Không có đơn vị \"\(unit)\"") }
            let form = try await EntryForm.load(
                unit: unit, period: period, tree: tree, catalogue: try await IndicatorRepository.catalogue(store.sql),
                store.sql)
            guard !form.sheet().lines.isEmpty else {
                throw UserFacingError(
                    "\(unit.fullName) không có biểu nhập liệu riêng (số liệu do phòng, xã, phường nhập).")
            }
            return try FormWorkbook.write(form.sheet())
        }
        let path = output ?? "bieu-nhap-\(unit)-\(period.code).xlsx"
        try data.write(to: URL(fileURLWithPath: path))
        print("Đã ghi biểu nhập số liệu vào \(path).")
    }
}

/// `baocao import FORM.xlsx`: a filled entry form, saved as a draft by the form's own save (rules, locks, versions),
/// or every problem by cell and nothing saved.
enum FormFiles {
    /// The workbook at `path` when it is an entry form; nil for any other file.
    static func form(at path: String) -> FormUpload? {
        guard path.lowercased().hasSuffix(".xlsx"), let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
            return nil
        }
        return try? FormWorkbook.read(data)
    }

    static func importForm(_ upload: FormUpload, dryRun: Bool, by user: String, database: DatabaseOptions) async throws
    {
        try await database.withStore { store in
            let tree = try await UnitTree.load(store.sql)
            guard let unit = tree.byCode[upload.unitCode], let period = try? Period(code: upload.periodCode) else {
                throw UserFacingError(
                    "Biểu nói đơn vị \(upload.unitCode), kỳ \(upload.periodCode): không có trong dữ liệu.")
            }
            let catalogue = try await IndicatorRepository.catalogue(store.sql)
            let form = try await EntryForm.load(unit: unit, period: period, tree: tree, catalogue: catalogue, store.sql)
            let plan = form.plan(upload)
            guard plan.problems.isEmpty else {
                throw UserFacingError(
                    "Không nhập, không có số nào được ghi: \(plan.problems.count) lỗi\n"
                        + plan.problems.map { "- \($0)" }.joined(separator: "\n"))
            }
            print("Biểu của \(unit.fullName), \(period.vietnameseName): \(plan.changes.count) số thay đổi.")
            for change in plan.changes {
                print(
                    "- dòng \(change.sheetRow), \(change.indicator.code): \(change.old.value.isEmpty ? "(trống)" : change.old.value) → \(change.new.value)"
                )
            }
            guard !dryRun, !plan.changes.isEmpty else { return }
            do {
                let outcome = try await FigureEntry.save(
                    form.parse(plan.fields).lines, formUnit: unit, valueUnit: form.valueUnit, period: period,
                    submit: false, by: user, tree: tree, catalogue: catalogue, store: store)
                print("Đã lưu nháp \(outcome.changed) số.")
            } catch let refusal as SubmissionFlow.Refusal {
                throw UserFacingError("Không nhập: \(refusal.description).")
            } catch let conflicts as FigureEntry.Conflicts {
                let codes = conflicts.conflicts.compactMap { catalogue.codeByID[$0.key.indicatorID] }
                throw UserFacingError(
                    "Không nhập: \(codes.count) số đã được sửa sau khi tải biểu (\(codes.joined(separator: ", "))); "
                        + "tải biểu mới hoặc sửa trên trang Nhập số liệu.")
            } catch let error as FigureOutOfRange {
                throw UserFacingError("Không nhập, không có số nào được ghi: \(error.description)")
            }
        }
    }
}
