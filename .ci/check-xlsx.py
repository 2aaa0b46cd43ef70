#!/usr/bin/env python3
"""Opens BaoCao's annex XLSX with openpyxl and reads the figures back. Usage: check-xlsx.py ANNEX.xlsx"""
import sys
import openpyxl

sheet = openpyxl.load_workbook(sys.argv[1]).active
statement = sheet["A2"].value or ""
if not statement.startswith("Số liệu chính thức"):
    print("XLSX check failed: row 2 does not say which figures it holds:", statement); sys.exit(1)
rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
industry = rows.get("Giá trị sản xuất công nghiệp trên địa bàn")
budget = rows.get("Tổng thu ngân sách nhà nước")
expected_industry = ("triệu đồng", 1385000, 632500, 693843, 50.1, 109.7)
expected_budget = ("triệu đồng", 1019700, 447410, 553100, 54.24, 123.62)
if industry is None or tuple(industry[1:]) != expected_industry:
    print("XLSX check failed: industry row", industry); sys.exit(1)
if budget is None or tuple(budget[1:]) != expected_budget:
    print("XLSX check failed: budget row", budget); sys.exit(1)
print(f"openpyxl: {len(rows)} annex rows; the figures read back as numbers")
