"""Drives the review page in headless Chromium (see browser-test.sh). Exits non-zero on a failure."""
import json, os, sys, time, urllib.request
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.chrome.service import Service

BASE, OUT = sys.argv[1], sys.argv[2]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONTRACT = os.path.join(ROOT, "Corpus/documents/gen-a-09.txt")
failures = []

def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)

def extract(text, query=""):
    req = urllib.request.Request(BASE + "v1/extract?include_text=true" + query, data=text.encode("utf-8"),
                                 headers={"Content-Type": "text/plain; charset=utf-8"}, method="POST")
    with urllib.request.urlopen(req) as r:
        return json.load(r)

opts = webdriver.ChromeOptions()
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"]:
    opts.add_argument(a)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
driver.set_script_timeout(60)

def submit(text):
    driver.get(BASE)
    driver.execute_script("document.getElementById('contract-text').value = arguments[0];", text)
    driver.find_element(By.ID, "analyze").click()
    deadline = time.time() + 60
    while time.time() < deadline:
        if driver.execute_script("return document.documentElement.getAttribute('data-rendered')"):
            return
        err = driver.find_element(By.ID, "error").text
        if err:
            raise SystemExit("page error: " + err)
        time.sleep(0.05)
    raise SystemExit("the page did not render")

def focused_text():
    return driver.execute_script("return Array.from(document.querySelectorAll('.doc:not([hidden]) .seg.focus')).map(e => e.textContent).join('')")

try:
    text = open(CONTRACT, encoding="utf-8").read()
    # 1. Submit a Corpus contract; every risk of the JSON is in the panel; clicking highlights its evidence.
    reports = extract(text)
    submit(text)
    risks = [r for rep in reports for r in rep["risks"]]
    check(len(risks) > 0, f"the contract has risks ({len(risks)})")
    for r in risks:
        sel = f'li.risk[data-rule="{r["rule"]}"][data-span="{r["span"][0]},{r["span"][1]}"]'
        items = driver.find_elements(By.CSS_SELECTOR, sel)
        check(len(items) == 1 and r["title"] in items[0].text and r["evidence"][:20] in items[0].text,
              f"risk {r['rule']} is in the panel with its title and evidence")
    sev = driver.execute_script("return Array.from(document.querySelectorAll('li.risk .sev')).map(e => e.className.replace('sev sev-',''))")
    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    check(sev == sorted(sev, key=lambda s: order.get(s, 9)), f"risks are ordered by severity {sev}")
    for i, r in enumerate(risks):
        driver.find_elements(By.CSS_SELECTOR, "li.risk > button")[i].click()
        got = focused_text()
        want = driver.execute_script("return document.querySelectorAll('li.risk')[arguments[0]].getAttribute('data-rule')", i)
        rr = [x for x in risks if x["rule"] == want][0]
        check(got == rr["evidence"], f"clicking risk {want} highlights its evidence ({len(got)} characters)")
    titles = driver.execute_script("return document.querySelectorAll('.seg[title]').length")
    check(titles > 0, f"highlights carry their value on hover ({titles} with a title)")
    driver.save_screenshot(os.path.join(OUT, "review.png"))

    # 2. Keyboard: Tab to the first risk, Enter opens it.
    driver.find_element(By.TAG_NAME, "body").click()
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0,0)")
    body = driver.switch_to.active_element
    reached = False
    for _ in range(60):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.execute_script("return !!(document.activeElement && document.activeElement.closest('li.risk'))"):
            reached = True
            break
    check(reached, "a risk is reachable with Tab")
    if reached:
        driver.execute_script("document.querySelectorAll('.seg.focus').forEach(e => e.classList.remove('focus'))")
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        check(len(focused_text()) > 0, "Enter on a risk highlights its evidence")

    # 3. Astral characters before the facts: scalar offsets must map to UTF-16 correctly.
    astral = "𠀀𠀁𝒳😀\n" + text
    reports2 = extract(astral)
    submit(astral)
    ok = True
    for i, _ in enumerate(reports2[0]["risks"]):
        driver.find_elements(By.CSS_SELECTOR, "li.risk > button")[i].click()
        rule = driver.execute_script("return document.querySelectorAll('li.risk')[arguments[0]].getAttribute('data-rule')", i)
        ev = [x for x in reports2[0]["risks"] if x["rule"] == rule][0]["evidence"]
        ok = ok and focused_text() == ev
    check(ok and reports2[0]["risks"], "after astral characters, clicking a risk still highlights exactly its evidence")

    # 4. Contrast (WCAG AA, 4.5:1) of the text over every highlight colour and severity badge.
    ratios = driver.execute_script("""
      function lum(c){var m=c.match(/\\d+(\\.\\d+)?/g).map(Number).slice(0,3).map(function(v){v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4)});return 0.2126*m[0]+0.7152*m[1]+0.0722*m[2];}
      function ratio(a,b){var x=lum(a),y=lum(b);return (Math.max(x,y)+0.05)/(Math.min(x,y)+0.05);}
      var out={};
      document.querySelectorAll('#legend .swatch, li.risk .sev').forEach(function(e){var s=getComputedStyle(e);var bg=/rgba\(.*,\s*0\)$/.test(s.backgroundColor)?'rgb(255,255,255)':s.backgroundColor;out[e.className]=ratio(s.color,bg);});
      return out;""")
    check(all(v >= 4.5 for v in ratios.values()), "contrast ≥ 4.5:1: " + ", ".join(f"{k.split()[-1]} {v:.1f}" for k, v in ratios.items()))

    # 5. 200% zoom (a 640 CSS px wide viewport): no horizontal scrolling, panel still there.
    driver.set_window_size(640, 1000)
    overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    check(overflow <= 1, f"usable at 200% zoom (horizontal overflow {overflow} px)")
    driver.save_screenshot(os.path.join(OUT, "review-200pct.png"))
    driver.set_window_size(1280, 1000)

    # 6. A ≈100 KB contract: rendering with every highlight (script + layout) under 1 s.
    big = text
    while len(big.encode("utf-8")) < 100_000:
        big += "\n" + text
    for query in ["", "&split=false"]:
        big_reports = extract(big, query)
        driver.get(BASE)
        ms = driver.execute_script("""
          var t = performance.now(); window.qiyueRender(arguments[0]);
          document.body.getBoundingClientRect(); void document.body.offsetHeight;
          return performance.now() - t;""", big_reports)
        segs = driver.execute_script("return document.querySelectorAll('.seg[data-ids]').length")
        facts = sum(len(r[k]) for r in big_reports for k in ["parties", "amounts", "dates", "deadlines", "periods", "penalties"])
        print(f"render{query or ' (split)'}: {len(big.encode('utf-8'))} bytes, {len(big_reports)} document(s), {facts} facts, {segs} highlighted pieces: {ms:.0f} ms")
        check(ms < 1000, f"a 100 KB contract renders in under 1 s ({ms:.0f} ms)")

    # 7. qiyue report --html: the same view from a standalone file, with the print stylesheet.
    driver.get("file://" + os.path.abspath(os.path.join(OUT, "report.html")))
    n = driver.execute_script("return document.querySelectorAll('li.risk').length")
    check(n == len(reports[0]["risks"]), f"the standalone report shows the {n} risks")
    check(driver.execute_script("return getComputedStyle(document.getElementById('input-form')).display") == "none",
          "the standalone report has no input form")
    driver.save_screenshot(os.path.join(OUT, "report.png"))
finally:
    driver.quit()

print(f"{len(failures)} failed" if failures else "browser test passed")
sys.exit(1 if failures else 0)
