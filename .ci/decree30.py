"""What the CI's DOCX checks share: the Decree 30 page (A4 portrait, margins 20/20/30/15 mm) read by python-docx, and
the document converted to PDF by LibreOffice and read back by poppler."""
import os, re, subprocess, tempfile


def check_page(document, fail):
    section = document.sections[0]
    if abs(section.page_width.mm - 210) > 1 or abs(section.page_height.mm - 297) > 1:
        fail(f"page is not A4 portrait: {section.page_width.mm} x {section.page_height.mm} mm")
    for name, value, expected in [("top", section.top_margin, 20), ("bottom", section.bottom_margin, 20),
                                  ("left", section.left_margin, 30), ("right", section.right_margin, 15)]:
        if abs(value.mm - expected) > 0.5:
            fail(f"{name} margin is {value.mm:.1f} mm, not {expected} mm")
    return section


def pdf_pages_and_text(path, fail):
    """The DOCX converted by LibreOffice: its page count and its text with whitespace collapsed."""
    out = tempfile.mkdtemp()
    result = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", out, path],
                            capture_output=True, text=True, timeout=300)
    pdf = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".pdf")
    if result.returncode != 0 or not os.path.exists(pdf):
        fail(f"LibreOffice could not convert: {result.stdout} {result.stderr}")
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    return pages, " ".join(text.split())
