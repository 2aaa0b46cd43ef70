#!/usr/bin/env python3
"""Opens BaoCao's annex XLSX with openpyxl and reads the figures back. Usage: check-xlsx.py ANNEX.xlsx"""
import sys
import openpyxl

sheet = openpyxl.load_workbook(sys.argv[1]).active
statement = sheet["A2"].value or ""
if not statement.startswith("(Kèm theo Báo cáo số") or "Số liệu chính thức" not in statement:
    print("XLSX check failed: row 2 does not name the report and say which figures it holds:", statement); sys.exit(1)
heading = sheet["E3"].value or ""
if heading != "Thực hiện 6 tháng đầu năm 2017":
    print("XLSX check failed: the period's column heading:", heading); sys.exit(1)
rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
# Finals and estimates mix: an estimate says so after its name.
industry = rows.get("Giá trị sản xuất công nghiệp trên địa bàn (ước)")
budget = rows.get("Tổng thu ngân sách nhà nước (ước)")
expected_industry = ("triệu đồng", 1385000, 632500, 693843, 50.1, 109.7)
expected_budget = ("triệu đồng", 1019700, 447410, 553100, 54.24, 123.62)
if industry is None or tuple(industry[1:]) != expected_industry:
    print("XLSX check failed: industry row", industry); sys.exit(1)
if budget is None or tuple(budget[1:]) != expected_budget:
    print("XLSX check failed: budget row", budget); sys.exit(1)
print(f"openpyxl: {len(rows)} annex rows; the figures read back as numbers")
