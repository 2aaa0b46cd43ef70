#!/usr/bin/env python3
"""The main journeys of BaoCao in a real browser (Chromium through Selenium), against a freshly started server.

Usage: browser-journeys.py BASE_URL OUTPUT_DIR [CA_FILE]
With an https BASE_URL (nginx in front, a certificate made for the run), CA_FILE is that certificate: Python checks
the server against it; Chromium is told to accept it. Screenshots of the main pages go to OUTPUT_DIR; the last line says how many checks passed and failed."""
import datetime, email.header, io, mailbox, os, re, ssl, sys, time, zipfile, urllib.parse, urllib.request, urllib.error
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait
from selenium.webdriver.support import expected_conditions as EC
from selenium.common.exceptions import WebDriverException

BASE, OUT = sys.argv[1].rstrip("/"), sys.argv[2]
TLS = ssl.create_default_context(cafile=sys.argv[3]) if len(sys.argv) > 3 else None
PASSWORD = "baocao@2017"
os.makedirs(OUT, exist_ok=True)
passed, failed = 0, 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def browser(width=1280, height=1000):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}", "--lang=vi"]:
        options.add_argument(arg)
    if BASE.startswith("https:"):
        options.add_argument("--ignore-certificate-errors")  # the run's own self-signed certificate
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


def shot(driver, name):
    height = driver.execute_script("return Math.min(document.body.scrollHeight, 6000)")
    driver.set_window_size(driver.get_window_size()["width"], max(height, 600))
    driver.save_screenshot(os.path.join(OUT, f"{name}.png"))


def login(driver, username, password=PASSWORD):
    driver.delete_all_cookies()
    driver.get(BASE + "/dang-nhap")
    driver.find_element(By.ID, "ten").send_keys(username)
    driver.find_element(By.ID, "mat-khau").send_keys(password)
    submit(driver, "form[action='/dang-nhap'] button[type=submit]")


def loaded(driver):
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def text(driver):
    """The page's text; retried while a page is still being replaced."""
    for attempt in range(5):
        try:
            loaded(driver)
            return driver.find_element(By.TAG_NAME, "body").text
        except WebDriverException:
            if attempt == 4:
                raise
            time.sleep(0.3)


def set_value(driver, element_id, value):
    field = driver.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(value)
    return field


def replaced(old):
    """The page that held `old` is gone (a browser may report a replaced node either way)."""
    def predicate(_):
        try:
            old.is_enabled()
            return False
        except WebDriverException:
            return True
    return predicate


def submit(driver, selector, accept=False):
    """Clicks a button that loads a new page (accepting its confirmation) and waits for the new page."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, selector).click()
    if accept:
        WebDriverWait(driver, 5).until(EC.alert_is_present()).accept()
    WebDriverWait(driver, 15).until(replaced(old))
    loaded(driver)


def follow(driver, by, what):
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(by, what).click()
    WebDriverWait(driver, 15).until(replaced(old))
    loaded(driver)


def fetch(driver, path):
    """Downloads `path` with the browser's session cookie."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(BASE + path, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=60, context=TLS) as response:
        return response.read()


driver = browser()
try:
    # A visitor: the published report is there without login.
    driver.get(BASE + "/cong-khai/304")
    check("public page lists the published report", "Báo cáo tình hình kinh tế - xã hội" in text(driver))
    shot(driver, "01-cong-khai")
    driver.get(BASE + "/nhap-lieu?unit=304-P01&period=2017-H1")
    check("a visitor is sent to log in for a draft", "/dang-nhap" in driver.current_url)
    shot(driver, "02-dang-nhap")

    # The ward reporter enters figures, one typed the Vietnamese way, sees the live comparison, saves, submits.
    login(driver, "maychai.baocao")
    if BASE.startswith("https:"):
        session = [c for c in driver.get_cookies() if c["name"] == "baocao_phien"]
        check("through nginx with TLS the session cookie is Secure and HttpOnly",
              len(session) == 1 and session[0].get("secure") and session[0].get("httpOnly"), str(session))
    driver.get(BASE + "/nhap-lieu?unit=304-P01&period=2017-H1")
    set_value(driver, "v-THU_NS_PHUONG", "2.134,5")
    live = driver.find_element(By.CSS_SELECTOR, "#v-THU_NS_PHUONG").find_element(By.XPATH, "./ancestor::tr").text
    check("% of target follows the typing", "50,82% kế hoạch" in live, live)
    check("year-on-year follows the typing", "tăng 15,38% so với cùng kỳ" in live, live)
    set_value(driver, "v-HKD_MOI_PHUONG", "12,5,3")
    error = driver.find_element(By.ID, "loi-HKD_MOI_PHUONG").text
    check("a bad number is flagged as one types", "nhiều hơn một dấu phẩy" in error, error)
    submit(driver, "button[name=buoc][value=luu]")
    check("the server refuses the bad number and saves nothing", "Chưa lưu" in text(driver))
    shot(driver, "03-nhap-lieu-loi")
    set_value(driver, "v-HKD_MOI_PHUONG", "31")
    submit(driver, "button[name=buoc][value=luu]")
    check("draft saved", "Đã lưu nháp" in text(driver))
    saved = driver.find_element(By.ID, "v-THU_NS_PHUONG").get_attribute("value")
    check("the saved figure reads back in Vietnamese form", saved == "2.134,5", saved)
    shot(driver, "04-nhap-lieu")
    submit(driver, "button[name=buoc][value=gui]", accept=True)
    check("submitted", "Đã gửi số liệu để duyệt" in text(driver))

    # The approver returns it with a reason.
    login(driver, "maychai.duyet")
    driver.get(BASE + "/nhap-lieu?unit=304-P01&period=2017-H1")
    shot(driver, "05-duyet")
    driver.find_element(By.ID, "ly-do").send_keys("Số hộ kinh doanh mới chưa khớp sổ đăng ký")
    submit(driver, "button[name=buoc][value=tra_lai]")
    check("returned with a reason", "Đã trả lại" in text(driver))

    # The reporter sees why, fixes and resubmits.
    login(driver, "maychai.baocao")
    driver.get(BASE + "/nhap-lieu?unit=304-P01&period=2017-H1")
    check("the reporter sees the reason", "chưa khớp sổ đăng ký" in text(driver))
    set_value(driver, "v-HKD_MOI_PHUONG", "29")
    submit(driver, "button[name=buoc][value=gui]", accept=True)
    check("resubmitted", "Đã gửi số liệu để duyệt" in text(driver))
    follow(driver, By.PARTIAL_LINK_TEXT, "Lịch sử")
    check("history shows who changed what, by full name", "Cán bộ thống kê phường Máy Chai" in text(driver) and "maychai.baocao" not in text(driver))
    shot(driver, "06-lich-su")

    # The approver approves; the figures lock.
    login(driver, "maychai.duyet")
    driver.get(BASE + "/nhap-lieu?unit=304-P01&period=2017-H1")
    submit(driver, "button[name=buoc][value=duyet]")
    check("approved", "Đã duyệt số liệu" in text(driver))
    check("approved figures are locked", driver.find_element(By.ID, "v-THU_NS_PHUONG").get_attribute("disabled") is not None)

    # The compiler sees the tracker, previews and downloads the report with the new figure.
    login(driver, "tonghop")
    check("the compiler starts on the tracker", "/theo-doi" in driver.current_url)
    row = driver.find_element(By.XPATH, "//table[@id='bang-theo-doi']//tr[contains(., 'Máy Chai')]").text
    check("the tracker shows the ward approved", "Đã duyệt" in row, row)
    shot(driver, "07-theo-doi")
    check("the tracker says who sent on time", "Nộp đúng hạn" in row or "Nộp đúng hạn" in text(driver))
    # "Nhắc" a ward that has not sent: a notice in the application and an e-mail through SMTP (the CI's sink).
    submit(driver, "button[aria-label='Nhắc phường Máy Tơ']")
    check("the tracker confirms the reminder", "Đã nhắc phường Máy Tơ: 1 người được báo trong ứng dụng, 1 thư điện tử đã gửi."
          in text(driver), text(driver)[:300])
    shot(driver, "07b-nhac")
    maildir = os.environ.get("SMTP_MAILDIR")
    if maildir:
        messages = list(mailbox.Maildir(maildir, create=False))
        check("a reminder e-mail reached the SMTP sink", len(messages) == 1, str(len(messages)))
        if messages:
            m = messages[0]
            subject = str(email.header.make_header(email.header.decode_header(m["Subject"])))
            body = m.get_payload(decode=True).decode("utf-8")
            check("the e-mail is for the ward's reporter", m["To"] == "<mayto.baocao@baocao.example>", m["To"])
            check("the e-mail's subject in Vietnamese", subject == "Nhắc nộp số liệu 6 tháng đầu năm 2017 — phường Máy Tơ", subject)
            check("the e-mail links to the entry page", "/nhap-lieu?unit=304-P02&period=2017-H1" in body, body[:300])
    login(driver, "mayto.baocao")
    check("the reporter sees the notice in the header", "Thông báo (1 mới)" in text(driver))
    follow(driver, By.PARTIAL_LINK_TEXT, "Thông báo")
    check("the notice page says what is due", "Số liệu 6 tháng đầu năm 2017 của phường Máy Tơ chưa được gửi" in text(driver))
    login(driver, "tonghop")
    driver.get(BASE + "/soan-bao-cao?unit=304&period=2017-H1")
    Select(driver.find_element(By.ID, "giao-muc-3")).select_by_visible_text("Phòng Tài chính - Kế hoạch")
    submit(driver, "#giao-muc-3 ~ button")
    check("a section assigned to an office", "Đã giao mục" in text(driver))
    shot(driver, "08-soan-bao-cao")
    login(driver, "tckh.baocao")
    # The demo's reference report is written: the section given to the office is one already done.
    check("the office's start page says a section is given to it", "Bạn được giao 1 mục báo cáo." in text(driver),
          text(driver)[:300])
    follow(driver, By.LINK_TEXT, "Soạn báo cáo")
    check("the menu leads the office to the sections given to it", "Mục báo cáo được giao" in text(driver))
    follow(driver, By.PARTIAL_LINK_TEXT, "Nhiệm vụ kinh tế - ngân sách")
    check("the office opens its section from the list", "section=muc-3" in driver.current_url, driver.current_url)
    # The editor: figures are chips in the text itself (the hidden text box keeps {CODE.part}, which is saved).
    editor = driver.find_element(By.ID, "soan-thao")
    area = driver.find_element(By.ID, "narrative")
    check("the editor shows figures as chips, not codes", len(editor.find_elements(By.CSS_SELECTOR, ".chip")) > 0
          and "{GTSX_CN.sentence}" not in editor.text and not area.is_displayed())
    editor.click()
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE)
    editor.send_keys("Kinh tế quận phát triển ổn định. ")
    # The picker is searched as one types, without diacritics as with them.
    driver.find_element(By.ID, "tim-so-lieu").send_keys("tong thu ngan sach")
    picker = driver.find_element(By.ID, "chon-so-lieu")
    visible = [o.get_attribute("value") for o in picker.find_elements(By.TAG_NAME, "option") if not o.get_attribute("hidden")]
    check("the picker's search keeps the matching indicator", "{THU_NSNN.sentence}" in visible, str(visible[:8]))
    check("the picker's search hides the others", "{GTSX_CN.sentence}" not in visible and len(visible) < 20, str(len(visible)))
    Select(picker).select_by_value("{THU_NSNN.sentence}")
    driver.find_element(By.CSS_SELECTOR, "button[data-insert-from]").click()  # inserted where the caret was
    check("the picker inserts the figure where one writes",
          area.get_attribute("value") == "Kinh tế quận phát triển ổn định. {THU_NSNN.sentence}", area.get_attribute("value"))
    try:
        WebDriverWait(driver, 10).until(lambda d: "Tổng thu ngân sách nhà nước" in d.find_element(
            By.CSS_SELECTOR, "#soan-thao .chip[data-src='{THU_NSNN.sentence}']").text)
        chip = driver.find_element(By.CSS_SELECTOR, "#soan-thao .chip[data-src='{THU_NSNN.sentence}']")
        check("the inserted figure is a chip saying what it will print, its code on hover",
              chip.get_attribute("title") == "{THU_NSNN.sentence}", chip.get_attribute("title"))
    except WebDriverException as e:
        check("the inserted figure is a chip saying what it will print, its code on hover", False, str(e)[:200])
    editor.send_keys(".")
    # The preview beside the text follows the typing (nothing saved yet).
    try:
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(
            By.CSS_SELECTOR, "#xem-truoc-truc-tiep .chip[title='{THU_NSNN.sentence}']"))
        chip = driver.find_element(By.CSS_SELECTOR, "#xem-truoc-truc-tiep .chip[title='{THU_NSNN.sentence}']")
        check("the live preview shows the inserted figure", "Tổng thu ngân sách nhà nước" in chip.text, chip.text)
    except WebDriverException as e:
        check("the live preview shows the inserted figure", False, str(e)[:200])
    editor.send_keys(Keys.ENTER)
    editor.send_keys("Tiếp tục ")
    driver.find_element(By.CSS_SELECTOR, "button[data-wrap]").click()
    editor.send_keys("ghi chú")
    check("a new line and the italics button write the text",
          area.get_attribute("value").endswith(".\nTiếp tục *ghi chú*"), repr(area.get_attribute("value")[-40:]))
    shot(driver, "08e-trinh-soan-thao")
    done = driver.find_element(By.NAME, "xong")
    if not done.is_selected():
        done.click()
    submit(driver, "button[name=buoc][value=luu]")
    check("the office's section saved", "Đã lưu mục" in text(driver))
    shot(driver, "08b-viet-muc")
    login(driver, "tonghop")
    driver.get(BASE + "/soan-bao-cao?unit=304&period=2017-H1")
    check("the compiler sees the progress", "20/20 mục đã xong" in text(driver))
    check("the compiler sees what stands in the way of publishing", "Công bố" in text(driver))
    shot(driver, "08d-cong-bo")
    follow(driver, By.LINK_TEXT, "Xem trước (HTML)")
    check("the preview carries the new figure", "2.134,5" in text(driver))
    check("the preview carries the office's narrative with its figure",
          "Kinh tế quận phát triển ổn định. Tổng thu ngân sách nhà nước ước đạt 553 tỷ 100 triệu đồng" in text(driver))
    shot(driver, "08c-xem-truoc")
    docx = fetch(driver, "/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1&format=docx")
    body = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")
    check("the DOCX contains the new figure", "2.134,5" in body)
    with open(os.path.join(OUT, "bao-cao.docx"), "wb") as f:
        f.write(docx)
    pdf = fetch(driver, "/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1&format=pdf")
    check("the PDF downloads", pdf.startswith(b"%PDF"))
    xlsx = fetch(driver, "/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1&format=xlsx")
    sheet = zipfile.ZipFile(io.BytesIO(xlsx)).read("xl/worksheets/sheet1.xml").decode("utf-8")
    check("the annex XLSX carries the new figure", "2134.5" in sheet or "2.134,5" in sheet)
    driver.get(BASE + "/tong-quan?unit=304&period=2017-H1")
    check("dashboard draws its chart", len(driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")) > 0)
    shot(driver, "09-tong-quan")
    driver.get(BASE + "/tong-quan/chi-tieu?unit=304&period=2017-H1&indicator=THU_NS_PHUONG")
    check("drill-down lists the ward", "phường Máy Chai" in text(driver))
    shot(driver, "10-chi-tieu")

    # A visitor again: the published report, never the draft figure.
    driver.delete_all_cookies()
    driver.get(BASE + "/cong-khai/304")
    check("public page without the unpublished figure", "2.134,5" not in text(driver))
    follow(driver, By.PARTIAL_LINK_TEXT, "Báo cáo tình hình kinh tế - xã hội")
    check("published report readable and without the draft", "PHẦN 1" in text(driver) and "2.134,5" not in text(driver))
    try:  # the server sends a visitor to the login page (urllib follows the redirect) instead of the DOCX
        live = fetch(driver, "/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1&format=docx")
        check("a visitor cannot download the live report", not live.startswith(b"PK") and b"dang-nhap" in live)
    except urllib.error.HTTPError as e:
        check("a visitor cannot download the live report", e.code in (401, 403), str(e.code))

    # A phone-sized window.
    phone = browser(390, 844)
    try:
        login(phone, "maychai.baocao")
        phone.get(BASE + "/nhap-lieu?unit=304-P02&period=2017-H1")
        check("a reporter of one ward cannot open another's draft", "Không có quyền" in text(phone))
        phone.get(BASE + "/nhap-lieu?unit=304-P01&period=2017-H1")
        shot(phone, "11-dien-thoai")
        # The dashboard on a 390-pixel phone (emulated as a phone: the page's own width, not a desktop's minimum):
        # summary first, cards, no sideways scroll.
        login(phone, "tonghop")
        phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                              {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        phone.get(BASE + "/tong-quan?unit=304&period=2017-H1")
        loaded(phone)
        width = phone.execute_script("return document.documentElement.scrollWidth")
        check("the dashboard at 390 px has no horizontal scroll", width <= 390, f"scrollWidth {width}")
        check("the dashboard starts with its summary", "Tóm tắt tiến độ" in text(phone))
        check("the phone draws the narrow chart",
              phone.find_element(By.CSS_SELECTOR, ".chart-narrow svg").is_displayed()
              and not phone.find_element(By.CSS_SELECTOR, ".chart-wide svg").is_displayed())
        height = phone.execute_script("return Math.min(document.body.scrollHeight, 6000)")
        phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                              {"width": 390, "height": height, "deviceScaleFactor": 1, "mobile": True})
        phone.save_screenshot(os.path.join(OUT, "11b-tong-quan-dien-thoai.png"))
    finally:
        phone.quit()

    # The administrator: accounts and the security log.
    login(driver, "quantri")
    driver.get(BASE + "/quan-tri/tai-khoan")
    check("the administrator lists the accounts", "maychai.baocao" in text(driver))
    shot(driver, "12-tai-khoan")
    driver.get(BASE + "/quan-tri/nhat-ky")
    check("the security log shows the refused read of another ward", "Từ chối truy cập" in text(driver) and "304-P02" in text(driver))
    shot(driver, "13-nhat-ky")
    driver.get(BASE + "/quan-tri/quy-tac")
    check("the administrator reads the validation rules", "DON_GQ_LE_TIEP_NHAN" in text(driver))
    shot(driver, "14-quy-tac")

    # Two reporters of one ward on the same form: the second is shown both numbers and chooses.
    second_password = "baocao@2017-thu-hai"
    driver.get(BASE + "/quan-tri/tai-khoan")
    set_value(driver, "tk-ten", "maychai.baocao2")
    set_value(driver, "tk-hien-thi", "Cán bộ thống kê thứ hai, phường Máy Chai")
    set_value(driver, "tk-mk", second_password)
    Select(driver.find_element(By.ID, "tk-vt")).select_by_value("bao_cao_vien")
    Select(driver.find_element(By.ID, "tk-dv")).select_by_value("304-P01")
    submit(driver, "form[action='/quan-tri/tai-khoan'] button[type=submit]")
    check("the administrator creates a second reporter for the ward", "maychai.baocao2" in text(driver))
    other = browser()
    try:
        form = "/nhap-lieu?unit=304-P01&period=2017-M07"
        login(driver, "maychai.baocao")
        driver.get(BASE + form)
        login(other, "maychai.baocao2", second_password)
        other.get(BASE + form)
        # Both have the form open; the first saves 5 new households, the second then saves 7.
        set_value(driver, "v-HKD_MOI_PHUONG", "5")
        submit(driver, "button[name=buoc][value=luu]")
        check("the first reporter's figure is saved", "Đã lưu nháp" in text(driver))
        set_value(other, "v-HKD_MOI_PHUONG", "7")
        submit(other, "button[name=buoc][value=luu]")
        page = text(other)
        check("the second reporter is shown the conflict, nothing saved",
              "Đã có người sửa ô này sau khi bạn mở biểu" in page and "Chưa lưu" in page, page[:300])
        check("both numbers and who changed it", "Cán bộ thống kê phường Máy Chai lúc" in page and "Dùng số mới nhất (5)" in page
              and "Giữ số của tôi (7)" in page)
        shot(other, "15-xung-dot")
        other.find_element(By.CSS_SELECTOR, "input[name=c_HKD_MOI_PHUONG][value=minh]").click()
        submit(other, "button[name=buoc][value=luu]")
        check("the second reporter keeps their number knowingly", "Đã lưu nháp" in text(other))
        kept = other.find_element(By.ID, "v-HKD_MOI_PHUONG").get_attribute("value")
        check("the stored figure is the one chosen", kept == "7", kept)
    finally:
        other.quit()
    driver.delete_all_cookies()

    # Tasks (issue 12): overdue in red with its days; the compiler assigns a task; the office reports progress and
    # proposes it done; the assigner confirms; publishing a report proposes its tasks for review.
    login(driver, "tonghop")
    driver.get(BASE + "/nhiem-vu")
    rows = driver.find_elements(By.CSS_SELECTOR, "#bang-nhiem-vu tr.tt-hang-do")
    check("an overdue task shows red with 'quá hạn N ngày'",
          bool(rows) and "quá hạn" in rows[0].text and "Quá hạn" in rows[0].text, rows[0].text if rows else "no red row")
    check("the red is said in words too", driver.find_elements(By.CSS_SELECTOR, "#bang-nhiem-vu .badge.tt-do")[0].text == "Quá hạn")
    shot(driver, "16-nhiem-vu")
    driver.find_element(By.CSS_SELECTOR, "#giao-moi summary").click()
    set_value(driver, "nv-ten", "Rà soát, công bố thủ tục hành chính cấp quận")
    set_value(driver, "nv-sh", "Thông báo kết luận số 45/TB-UBND")
    Select(driver.find_element(By.ID, "nv-ct")).select_by_value("304-TP")
    Select(driver.find_element(By.ID, "nv-lv")).select_by_value("thanh_tra_tu_phap")
    due = (datetime.date.today() + datetime.timedelta(days=60)).isoformat()
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "nv-han"), due)
    submit(driver, "#giao-moi button[type=submit]")
    check("the compiler assigns a task", "Đã giao nhiệm vụ." in text(driver) and "Phòng Tư pháp" in text(driver))
    task_path = urllib.parse.urlparse(driver.current_url).path
    login(driver, "tp.baocao")
    driver.get(BASE + task_path)
    set_value(driver, "td-pt", "60")
    set_value(driver, "td-nd", "Đã rà soát 120 thủ tục")
    submit(driver, "#buoc-tien_do button[type=submit]")
    check("the office reports progress", "Đã ghi báo cáo tiến độ." in text(driver) and "Đang thực hiện trong hạn" in text(driver))
    set_value(driver, "ht-kq", "Đã trình Chủ tịch UBND quận công bố danh mục")
    submit(driver, "#buoc-de_nghi_hoan_thanh button[type=submit]")
    check("the office proposes it done", "Đã đề nghị công nhận hoàn thành" in text(driver))
    shot(driver, "16b-nhiem-vu-de-nghi")
    login(driver, "tonghop")
    driver.get(BASE + "/nhiem-vu?xem=da-giao&tinh_trang=cho-xac-nhan")
    check("the assigner sees what waits for its confirmation", "Rà soát, công bố thủ tục hành chính cấp quận" in text(driver))
    driver.get(BASE + task_path)
    submit(driver, "#buoc-xac_nhan button[type=submit]")
    check("the assigner confirms; done on time",
          "Đã xác nhận hoàn thành." in text(driver) and "Hoàn thành đúng hạn" in text(driver))
    shot(driver, "16c-nhiem-vu-hoan-thanh")
    driver.get(BASE + "/soan-bao-cao?template=ngo-quyen-6-thang&unit=304&period=2017-9M")
    set_value(driver, "ly-do-cong-bo", "Phục vụ hội nghị giao ban")
    submit(driver, "form[action='/soan-bao-cao/cong-bo'] button[type=submit]", accept=True)
    check("publishing proposes the report's tasks for review",
          "/nhiem-vu/de-xuat" in driver.current_url and "đề xuất 27 nhiệm vụ" in text(driver), driver.current_url)
    shot(driver, "16d-nhiem-vu-de-xuat")
    first = driver.find_element(By.CSS_SELECTOR, "form.proposal")
    Select(first.find_element(By.NAME, "chu_tri")).select_by_value("304-KT")
    old = driver.find_element(By.TAG_NAME, "html")
    first.find_element(By.CSS_SELECTOR, "button[value=giao]").click()
    WebDriverWait(driver, 15).until(replaced(old))
    check("a reviewed proposal is assigned", "Đã giao nhiệm vụ." in text(driver) and "đã giao: 1" in text(driver))

    # Voters' petitions (issue 12): the office answers the one given to it; the answer is on the public page.
    driver.get(BASE + "/kien-nghi")
    follow(driver, By.LINK_TEXT, "Kỳ họp thứ 5 HĐND quận Ngô Quyền khóa XVIII")
    check("the session counts its petitions", "Cử tri có 8 lượt kiến nghị, tổng hợp thành 7 nội dung" in text(driver))
    shot(driver, "17-kien-nghi-ky-hop")
    login(driver, "qldt.baocao")
    driver.get(BASE + "/kien-nghi")
    follow(driver, By.PARTIAL_LINK_TEXT, "điểm trông giữ xe quanh chợ Máy Tơ")
    Select(driver.find_element(By.ID, "tl-kq")).select_by_value("dang_giai_quyet")
    set_value(driver, "tl-nd", "Đã khảo sát, bố trí điểm trông giữ xe tại ngõ chợ từ quý I năm 2018.")
    submit(driver, "#buoc-tra-loi button[type=submit]")
    check("the office answers the petition", "Đã lưu trả lời." in text(driver) and "Đang giải quyết, có lộ trình" in text(driver))
    shot(driver, "17b-kien-nghi-tra-loi")
    driver.delete_all_cookies()
    driver.get(BASE + "/cong-khai/304")
    follow(driver, By.PARTIAL_LINK_TEXT, "Trả lời kiến nghị cử tri")
    check("the answer appears on the public page",
          "bố trí điểm trông giữ xe tại ngõ chợ từ quý I năm 2018" in text(driver))
    shot(driver, "17c-kien-nghi-cong-khai")

    # Citizens (issue 13): a letter received, classified, accepted with its legal deadline, resolved; the citizen
    # follows its stage by code, and sees nothing else.
    login(driver, "ttr.baocao")
    driver.get(BASE + "/tiep-dan?unit=304&ky=2017-H1")
    check("the register's half year reads as the report writes it",
          "147 buổi tiếp dân = 135 vụ việc, với 284 lượt người. Tiếp nhận 170 đơn = 149 vụ việc" in text(driver))
    driver.find_element(By.CSS_SELECTOR, "#tiep-nhan-don summary").click()
    today = datetime.date.today().isoformat()
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "d-ngay"), today)
    Select(driver.find_element(By.ID, "d-loai")).select_by_value("khieu_nai")
    set_value(driver, "d-nguoi", "Nguyễn Thị Hành Trình")
    set_value(driver, "d-dc", "Số 12 phố Lạch Tray")
    set_value(driver, "d-nd", "Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng")
    submit(driver, "#tiep-nhan-don button[type=submit]")
    page = text(driver)
    match = re.search(r"TD-[A-Z0-9]{4}-[A-Z0-9]{4}", page)
    check("the letter is received with a code for the citizen", "Đã tiếp nhận đơn. Mã tra cứu cho công dân:" in page and match, page[:300])
    letter_code = match.group(0) if match else ""
    letter_path = urllib.parse.urlparse(driver.current_url).path
    Select(driver.find_element(By.ID, "p-cq")).select_by_value("304-TTR")
    Select(driver.find_element(By.ID, "p-nx")).select_by_value("ttr.baocao")
    submit(driver, "#phan-loai button[type=submit]")
    check("the letter is classified", "Đã lưu phân loại." in text(driver))
    set_value(driver, "x-vb", "Thông báo thụ lý số 15/TB-UBND")
    submit(driver, "#xu-ly button[type=submit]")
    page = text(driver)
    check("accepted, its resolution deadline shown with the law",
          "Đã lưu hướng xử lý." in page and "Thời hạn giải quyết" in page and "Luật Khiếu nại 2011, Điều 28" in page
          and "Đang thực hiện trong hạn" in page, page[:600])
    shot(driver, "18-tiep-dan-don")
    driver.delete_all_cookies()
    driver.get(BASE + "/tra-cuu-don")
    set_value(driver, "ma", letter_code)
    submit(driver, "form[action='/tra-cuu-don'] button[type=submit]")
    page = text(driver)
    check("the citizen sees the stage and the legal date", "Đã thụ lý, đang giải quyết" in page and "Hạn giải quyết theo luật" in page, page[:400])
    check("the citizen sees nothing else", "Hành Trình" not in page and "xử phạt" not in page)
    shot(driver, "18b-tra-cuu-don")
    login(driver, "ttr.baocao")
    driver.get(BASE + letter_path)
    set_value(driver, "k-vb", "Quyết định giải quyết khiếu nại số 20/QĐ-UBND")
    Select(driver.find_element(By.ID, "k-kq")).select_by_value("dung_mot_phan")
    submit(driver, "#giai-quyet button[type=submit]")
    check("the letter is resolved on time", "Đã lưu kết quả giải quyết." in text(driver) and "Hoàn thành đúng hạn" in text(driver))
    driver.delete_all_cookies()
    driver.get(BASE + "/tra-cuu-don?ma=" + letter_code)
    check("the citizen sees it resolved", "Đã giải quyết" in text(driver))
    shot(driver, "18c-tra-cuu-da-giai-quyet")
    login(driver, "lanhdao")
    driver.get(BASE + "/tiep-dan/buoi?unit=304&ky=2017-H1")
    check("the chairman's reception days against the law", "Đạt 5/6 tháng" in text(driver) and "23/03/2017: không tiếp (vắng)" in text(driver))
    shot(driver, "18d-lich-tiep-cong-dan")

    # 19. Data in and out: an administrator imports a file in the browser (progress, dry run, confirmation), makes an
    # API token on its page (shown once), and a program reads figures with it as DHIS2 and SDMX.
    login(driver, "quantri")
    driver.get(BASE + "/quan-tri/nhap-du-lieu")
    upload = os.path.abspath(os.path.join(OUT, "values-journey.csv"))  # the browser takes absolute paths only
    with open(upload, "w", encoding="utf-8") as f:
        f.write("indicator,unit,period,value,status\nGDVH_PHUONG,304-P03,2017-H1,2.960,uoc\n")
    driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(upload)
    driver.find_element(By.CSS_SELECTOR, "form[data-tai-len] button[type=submit]").click()
    WebDriverWait(driver, 30).until(lambda d: "/quan-tri/nhap-du-lieu/xem" in d.current_url)
    loaded(driver)
    check("an upload is checked by a dry run first", "Kiểm tra xong, chưa ghi gì." in text(driver)
          and "Nếu nhập: 1 giá trị mới hoặc thay đổi" in text(driver), text(driver)[:400])
    shot(driver, "19-nhap-du-lieu-chay-thu")
    submit(driver, "form[action='/quan-tri/nhap-du-lieu/xac-nhan'] button[type=submit]")
    check("then imported on confirmation", "Đã nhập." in text(driver))
    driver.get(BASE + "/quan-tri/ma-api")
    driver.find_element(By.NAME, "ten").send_keys("Cổng dữ liệu của tỉnh")
    driver.find_element(By.NAME, "unit").clear()
    driver.find_element(By.NAME, "unit").send_keys("304")
    Select(driver.find_element(By.NAME, "vai_tro")).select_by_value("lanh_dao")
    submit(driver, "form[action='/quan-tri/ma-api'] button[type=submit]")
    token = driver.find_element(By.ID, "ma-moi").text
    check("an API token is made and shown once", token.startswith("bc_") and len(token) == 67, token[:12])
    shot(driver, "19b-ma-api")
    def with_token(path):
        request = urllib.request.Request(BASE + path, headers={"Authorization": "Bearer " + token})
        with urllib.request.urlopen(request, timeout=60, context=TLS) as response:
            return response.read().decode("utf-8")
    dhis2 = with_token("/api/v1/dhis2/dataValueSets.csv?orgUnit=304&children=true&period=2017S1")
    check("with the token a program reads the figures as DHIS2", "GDVH_PHUONG,2017S1,304-P03,default,default,2960" in dhis2, dhis2[:300])
    sdmx = with_token("/api/v1/sdmx/data?unit=304-P03&period=2017-H1")
    check("and as SDMX-CSV", "dataflow,BAOCAO:DF_KTXH(1.0),I,S,GDVH_PHUONG,304-P03,2017-S1,2960" in sdmx, sdmx[:300])
    driver.get(BASE + "/quan-tri/ma-api")
    check("the token's use is on its page", "chưa dùng" not in text(driver).split("Cổng dữ liệu của tỉnh")[1][:200],
          text(driver)[:600])

finally:
    driver.quit()

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
