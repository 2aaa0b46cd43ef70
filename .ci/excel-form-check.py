#!/usr/bin/python3
"""The Excel entry form end to end, as a ward's reporter would use it: download the form of phường Máy Chai for
2017-H1, fill it in LibreOffice Calc (headless, driven through UNO), upload it, read the preview (old → new),
confirm, and find the figures saved as drafts; then a form with a bad cell is refused at that cell and nothing is
written.

usage: /usr/bin/python3 excel-form-check.py BASE_URL WORKDIR   (needs LibreOffice Calc and python3-uno)
"""
import html
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid

import uno
from com.sun.star.beans import PropertyValue

base, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def request(path, data=None, headers=None):
    req = urllib.request.Request(base + path, data=data, headers=headers or {})
    try:
        with opener.open(req, timeout=60) as res:
            return res.status, res.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def token(page):
    found = re.search(r'name="_csrf" value="([^"]*)"', page)
    assert found, "no form token on the page"
    return found.group(1)


def login(name):
    _, page = request("/dang-nhap")
    form = urllib.parse.urlencode({"_csrf": token(page.decode()), "ten": name, "mat_khau": "baocao@2017"})
    status, _ = request("/dang-nhap", form.encode())
    assert status in (200, 303), status


def fill(source, target, cells):
    """Opens `source` in LibreOffice Calc, sets each cell (a number, or text), saves `target` as XLSX."""
    profile = "file://" + os.path.join(work, "lo-profile")
    pipe = "baocao" + uuid.uuid4().hex[:8]
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         f"--accept=pipe,name={pipe};urp;", f"-env:UserInstallation={profile}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        hidden = PropertyValue(Name="Hidden", Value=True)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (hidden,))
        sheet = document.Sheets.getByIndex(0)
        for name, value in cells.items():
            cell = sheet.getCellRangeByName(name)
            if isinstance(value, (int, float)):
                cell.setValue(value)
            else:
                cell.setString(value)
        excel = PropertyValue(Name="FilterName", Value="Calc MS Excel 2007 XML")
        document.storeToURL(uno.systemPathToFileUrl(target), (excel,))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


def upload(path):
    _, page = request("/nhap-lieu?unit=304-P01&period=2017-H1")
    boundary = "----baocao" + uuid.uuid4().hex
    parts = []
    for name, value in [("_csrf", token(page.decode())), ("unit", "304-P01"), ("period", "2017-H1")]:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    with open(path, "rb") as f:
        content = f.read()
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="tep"; filename="{os.path.basename(path)}"\r\n'
        f"Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n".encode()
        + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return request("/nhap-lieu/tai-len", b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"})


def drafts():
    status, body = request("/api/v1/dhis2/dataValueSets?orgUnit=304-P01&period=2017S1&view=lam-viec")
    assert status == 200, (status, body[:200])
    return {v["dataElement"]: v for v in json.loads(body)["dataValues"]}


login("maychai.baocao")
form = os.path.join(work, "bieu.xlsx")
status, content = request("/nhap-lieu/bieu.xlsx?unit=304-P01&period=2017-H1")
assert status == 200, status
with open(form, "wb") as f:
    f.write(content)
print(f"ok the form downloaded ({len(content)} bytes)")

# Filled in LibreOffice: a number with a decimal, a whole number with a status and a qualifier, a note.
filled = os.path.join(work, "bieu-da-dien.xlsx")
fill(form, filled, {"F5": 2150.75, "F6": 31, "G6": "chính thức", "H6": "gần", "F7": 38, "I7": "theo rà soát quý II"})
status, preview = upload(filled)
page = preview.decode()
assert status == 200, (status, page[:500])
assert "Tệp thay đổi 3 số" in page, page[:2000]
for shown in ["2.150,75", "31 (chính thức, gần)", "38 (ước tính) — theo rà soát quý II"]:
    assert shown in page, f"the preview does not show {shown}"
print("ok the form filled in LibreOffice Calc, uploaded: the preview lists the 3 changes, old → new")
before = drafts()
assert "THU_NS_PHUONG" not in before, "nothing is saved by the preview"

confirm = page[page.index('<form method="post" action="/nhap-lieu">'):]
fields = {html.unescape(n): html.unescape(v) for n, v in re.findall(r'name="([^"]+)" value="([^"]*)"', confirm)}
fields["buoc"] = "luu"
status, _ = request("/nhap-lieu", urllib.parse.urlencode(fields).encode())
assert status in (200, 303), status
saved = drafts()
assert saved["THU_NS_PHUONG"]["value"] == "2150.75", saved.get("THU_NS_PHUONG")
assert saved["HKD_MOI_PHUONG"]["value"] == "31" and saved["HKD_MOI_PHUONG"]["comment"] == "[gần]", saved["HKD_MOI_PHUONG"]
assert saved["HO_NGHEO_PHUONG"]["comment"] == "[ước tính] theo rà soát quý II", saved["HO_NGHEO_PHUONG"]
print("ok confirmed: the three figures are saved as drafts of phường Máy Chai")

# A bad cell: text in a number cell. Refused at the cell, nothing written.
bad = os.path.join(work, "bieu-sai.xlsx")
status, content = request("/nhap-lieu/bieu.xlsx?unit=304-P01&period=2017-H1")
with open(form, "wb") as f:
    f.write(content)
fill(form, bad, {"F5": 999, "F8": "ba nghìn"})
status, refused = upload(bad)
text = refused.decode()
assert status == 422, status
assert "Ô F8:" in text and "Không lưu gì" in text, text[:2000]
assert drafts()["THU_NS_PHUONG"]["value"] == "2150.75", "nothing written"
print("ok a form with a bad cell is refused at that cell (Ô F8), nothing written")
