#!/usr/bin/env python3
"""Drives headless Chromium through chromedriver (W3C WebDriver, stdlib only).

Every wait is bounded; any failed check exits non-zero with a message.
Only loopback addresses are contacted.
"""
import argparse, base64, json, os, sys, time, urllib.request, urllib.error

p = argparse.ArgumentParser()
p.add_argument("--base", required=True)
p.add_argument("--driver", required=True)
p.add_argument("--chromium", default="/usr/bin/chromium")
p.add_argument("--profile", required=True)
p.add_argument("--out", required=True)
args = p.parse_args()
for u in (args.base, args.driver):
    assert u.startswith("http://127.0.0.1:"), "loopback only: " + u

W3C = "element-6066-11e4-a52e-4f735466cecf"
passed = failed = 0


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(args.driver + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read() or b"{}").get("value")
    except urllib.error.HTTPError as e:
        raise RuntimeError(f"{method} {path}: {e.code} {e.read()[:500]!r}")


def wait(what, fn, timeout=20.0):
    end = time.time() + timeout
    while time.time() < end:
        try:
            v = fn()
            if v:
                return v
        except RuntimeError:
            pass
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print("ok   " + name)
    else:
        failed += 1
        print("FAIL " + name + (": " + detail if detail else ""))


# Wait for chromedriver.
wait("chromedriver", lambda: call("GET", "/status").get("ready"))
sid = call("POST", "/session", {"capabilities": {"alwaysMatch": {
    "browserName": "chrome",
    "goog:chromeOptions": {"binary": args.chromium, "args": [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + args.profile, "--window-size=1280,900"]}}}})["sessionId"]
S = "/session/" + sid


def go(path):
    call("POST", S + "/url", {"url": args.base + path})


def find_all(css):
    return [e[W3C] for e in call("POST", S + "/elements", {"using": "css selector", "value": css})]


def find(css):
    return wait(css, lambda: (find_all(css) or [None])[0])


def text(el):
    return call("GET", f"{S}/element/{el}/text")


def click(el):
    call("POST", f"{S}/element/{el}/click", {})


def js(script, *a):
    return call("POST", S + "/execute/sync", {"script": script, "args": list(a)})


def shot(name):
    png = base64.b64decode(call("GET", S + "/screenshot"))
    with open(os.path.join(args.out, name + ".png"), "wb") as f:
        f.write(png)


try:
    go("/")
    check("dashboard title", "Dashboard" in call("GET", S + "/title"))
    dyads = find_all("a.dyad")
    check("dashboard lists dyads", len(dyads) > 0, "no dyad links (did the coder code the sample?)")
    shot("dashboard")
    # Open the US-Russia dyad (or the most active one).
    target = [d for d in dyads if text(d).replace(" ", "") in ("RUS–USA", "USA–RUS")] or dyads
    click(target[0])
    wait("dyad page", lambda: "/dyad/" in call("GET", S + "/url"))
    find("svg.chart")
    buckets = find_all('.bucket:not([data-count="0"])')
    check("chart has points", len(buckets) > 0)
    click(buckets[0])
    items = wait("events after clicking a point", lambda: find_all("#events .evlist li"))
    first = text(items[0])
    check("clicking a point lists events with sentences", len(items) > 0 and len(first) > 20, first)
    marks = find_all("#events .sentence .verb, #events .sentence .actor")
    check("event sentences are highlighted", len(marks) > 0)
    shot("dyad")
    # The article behind the first event.
    link = find_all("#events .evlist li a")
    click(link[0])
    wait("article page", lambda: "/article/" in call("GET", S + "/url"))
    find("article.text")
    check("article shows highlighted actors and verbs",
          len(find_all("article.text .actor")) > 0 and len(find_all("article.text .verb")) > 0)
    check("article lists its events", len(find_all("aside .evlist li")) > 0)
    shot("article")
    # Paste an article.
    go("/paste")
    ta = find("textarea[name=text]")
    call("POST", f"{S}/element/{ta}/value", {"text": "The United States condemned Russia over the new strikes on Odesa."})
    d = find("input[name=title]")
    call("POST", f"{S}/element/{d}/value", {"text": "Pasted in the browser"})
    click(find("form#paste button"))
    wait("pasted article page", lambda: "/article/" in call("GET", S + "/url"))
    check("pasted article is stored and shown", "Pasted in the browser" in text(find("h1")))
    # Pasting a text already stored under another id leads to that article
    # (issue 11 item 5: it was a 404).
    with urllib.request.urlopen(args.base + "/api/articles/e2e-0", timeout=30) as r:
        stored = json.loads(r.read())
    go("/paste")
    ta = find("textarea[name=text]")
    call("POST", f"{S}/element/{ta}/value", {"text": stored["text"]})
    click(find("form#paste button"))
    wait("stored article page", lambda: "/article/" in call("GET", S + "/url"))
    url = call("GET", S + "/url")
    check("pasting a stored text opens the stored article",
          url.endswith("/article/e2e-0") and stored["title"] in text(find("h1")), url)
    # The Goldstein line never crosses an empty bucket (issue 11 item 10).
    go("/dyad/USA/RUS?by=week")
    find("svg.chart")
    crossing = js("""
        var svg = document.querySelector('svg.chart'), bad = [];
        var empty = Array.from(svg.querySelectorAll('.bucket[data-count="0"] rect.hit')).map(function (r) {
            return r.x.baseVal.value + r.width.baseVal.value / 2; });
        svg.querySelectorAll('polyline.gline').forEach(function (l) {
            var xs = Array.from(l.points).map(function (p) { return p.x; });
            var lo = Math.min.apply(null, xs), hi = Math.max.apply(null, xs);
            empty.forEach(function (x) { if (x > lo && x < hi) bad.push(x); });
        });
        return {empty: empty.length, lines: svg.querySelectorAll('polyline.gline').length, bad: bad};""")
    check("the Goldstein line breaks over empty weeks",
          crossing["empty"] > 0 and crossing["lines"] > 0 and not crossing["bad"], json.dumps(crossing))
    # Phone-sized layout: nothing wider than the screen.
    call("POST", S + "/window/rect", {"width": 390, "height": 844})
    go("/dyad/USA/RUS?by=week")
    find("svg.chart")
    over = js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
    check("no horizontal scrolling on a phone", over is not None and over <= 1, f"overflow {over}px")
    shot("dyad-phone")
    # Chart text readable on a 400 px wide screen (issue 11 item 10): every
    # visible text in the chart box is at least 11 CSS px as rendered, i.e.
    # its font size times the scale of any SVG it is drawn in.
    call("POST", S + "/window/rect", {"width": 400, "height": 844})
    go("/dyad/USA/RUS?by=week")
    find("svg.chart")
    sizes = js("""
        var out = [];
        document.querySelectorAll('.chartbox *').forEach(function (e) {
            var own = Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
            if (!own) return;
            var r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) return;
            var k = 1;
            if (e instanceof SVGElement && e.ownerSVGElement) k = e.ownerSVGElement.getScreenCTM().a;
            out.push([e.textContent.trim().slice(0, 24), parseFloat(getComputedStyle(e).fontSize) * k, r.height]);
        });
        return {width: window.innerWidth, texts: out};""")
    texts = sizes["texts"]
    small = [t for t in texts if t[1] < 11]
    print("     at", sizes["width"], "px wide, chart text sizes (px):",
          sorted({round(t[1], 1) for t in texts}), "from", len(texts), "labels")
    check("the window is about 400 px wide", 380 <= sizes["width"] <= 400, str(sizes["width"]))
    check("chart has visible labels", len(texts) >= 5, json.dumps(texts))
    check("chart text is at least 11 px at 400 px wide", not small, json.dumps(small[:5]))
    shot("dyad-400")
finally:
    try:
        call("DELETE", S)
    except Exception:
        pass

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
