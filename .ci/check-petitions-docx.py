#!/usr/bin/env python3
"""Opens the report on voters' petitions (baocao kien-nghi) in python-docx and LibreOffice: the Decree 30 layout of the
socio-economic report (A4, margins, the two-column header, title and subject, signature), and its tables: one row
per matter with the columns the council reads.
Usage: check-petitions-docx.py REPORT.docx"""
import os, sys
import docx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import decree30

path = sys.argv[1]

def fail(message):
    print("petitions DOCX check failed:", message)
    sys.exit(1)

document = docx.Document(path)
decree30.check_page(document, fail)
header = document.tables[0]
left, right = header.rows[0].cells[0].text, header.rows[0].cells[1].text
if "ỦY BAN NHÂN DÂN" not in left or "QUẬN NGÔ QUYỀN" not in left or "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in right:
    fail(f"header table: {left!r} | {right!r}")
texts = [p.text for p in document.paragraphs]
if "BÁO CÁO" not in texts:
    fail("no title BÁO CÁO")
if not any("trước kỳ họp thứ 5 HĐND quận khóa XVIII" in t for t in texts):
    fail("the subject does not name the session")
matters = [t for t in document.tables[1:] if t.rows[0].cells[0].text == "STT"]
own = [t for t in matters if [c.text for c in t.rows[0].cells] == ["STT", "Nội dung kiến nghị", "Cơ quan giải quyết", "Kết quả giải quyết"]]
forwarded = [t for t in matters if [c.text for c in t.rows[0].cells] == ["STT", "Nội dung kiến nghị", "Chuyển đến"]]
rows = sum(len(t.rows) - 1 for t in own)
if len(own) != 2 or rows != 6 or len(forwarded) != 1 or len(forwarded[0].rows) != 2:
    fail(f"tables: {len(own)} by field with {rows} matters, {len(forwarded)} forwarded (expected 2, 6 and 1 with 1)")
outcomes = [r.cells[3].text.split(".")[0] for t in own for r in t.rows[1:]]
for expected in ["Đã giải quyết", "Đang giải quyết, có lộ trình", "Giải trình, cung cấp thông tin", "Chưa giải quyết"]:
    if expected not in outcomes:
        fail(f"no matter answered '{expected}': {outcomes}")
print(f"python-docx: A4, margins 20/20/30/15 mm, header, title, subject; {len(own)} field tables with {rows} matters, "
      f"every outcome; 1 forwarded")

pages, flat = decree30.pdf_pages_and_text(path, fail)
if not 1 <= pages <= 4:
    fail(f"{pages} pages, expected 1 to 4")
for expected in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Kết quả giải quyết kiến nghị cử tri", "I. TỔNG HỢP KẾT QUẢ",
                 "Cử tri có 8 lượt kiến nghị, tổng hợp thành 7 nội dung", "KIẾN NGHỊ ĐÃ CHUYỂN CẤP TRÊN",
                 "TM. ỦY BAN NHÂN DÂN", "Nơi nhận:"]:
    if expected not in flat:
        fail(f"the PDF text lacks: {expected}")
print(f"LibreOffice: converted to PDF, {pages} pages; pdftotext finds the header, the subject, the counts, the "
      "forwarded matters and the signature")
