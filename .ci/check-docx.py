#!/usr/bin/env python3
"""Opens BaoCao's DOCX in real consumers: python-docx, then LibreOffice (to PDF) and poppler (pdftotext).
Usage: check-docx.py REPORT.docx. Exits non-zero with a message on the first check that fails."""
import os, sys
import docx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import decree30

path = sys.argv[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

def fail(message):
    print("DOCX check failed:", message)
    sys.exit(1)

document = docx.Document(path)
section = decree30.check_page(document, fail)
if not section.different_first_page_header_footer:
    fail("page 1 must have no page number (titlePg)")
header = document.tables[0]
left, right = header.rows[0].cells[0].text, header.rows[0].cells[1].text
if "ỦY BAN NHÂN DÂN" not in left or "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in right or "Độc lập - Tự do - Hạnh phúc" not in right:
    fail(f"header table: {left!r} | {right!r}")
footnotes_part = next((p for p in document.part.package.parts if p.partname == "/word/footnotes.xml"), None)
if footnotes_part is None:
    fail("no footnotes part")
from lxml import etree
notes = etree.fromstring(footnotes_part.blob).findall(f"{W}footnote")
real = [n for n in notes if int(n.get(f"{W}id")) > 0]
if len(real) != 30:
    fail(f"{len(real)} footnotes, expected 30")
references = document.element.body.findall(f".//{W}footnoteReference")
if len(references) != 30:
    fail(f"{len(references)} footnote references in the text, expected 30")
print(f"python-docx: A4, margins 20/20/30/15 mm, header table, {len(real)} footnotes, {len(document.paragraphs)} paragraphs")

pages, flat = decree30.pdf_pages_and_text(path, fail)
if not 14 <= pages <= 24:
    fail(f"{pages} pages, expected 14 to 24")
for expected in ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO",
                 "Tình hình kinh tế - xã hội 6 tháng đầu năm",
                 "Tổng thu ngân sách nhà nước ước đạt 553 tỷ 100 triệu đồng, bằng 54,24% dự toán và tăng 23,62% so với cùng kỳ",
                 "Sơ kết 5 năm thực hiện Nghị quyết 27-NQ/QU", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN",
                 "Số liệu chính thức: chỉ gồm số liệu đã được duyệt"]:
    if expected not in flat:
        fail(f"the PDF text lacks: {expected}")
print(f"LibreOffice: converted to PDF, {pages} pages; pdftotext finds the header, title, a golden sentence, footnote 30 "
      "and the footer saying the figures are official")
