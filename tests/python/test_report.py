"""The stakeholder report (SPEC 11), checked as a reader meets it: made by
the demo and the binding, parsed by a strict HTML5 parser, and opened in
headless Chromium (Debian's chromium), which must render it with no console
message and no request outside the file, and show the top champions, the
pooling rule and the goal's status in the rendered page."""

import base64
import json
import os
import select
import shutil
import subprocess
import time

import html5lib
import pytest
from PIL import Image

import champions
from conftest import BUNDLED, REPO, demo_path

TIMED = os.path.join(REPO, "examples", "email-eu-2004.csv.gz")
PEOPLE = os.path.join(REPO, "examples", "email-eu-people.csv")
GOAL = os.path.join(REPO, "examples", "goal.json")

CHROMIUM = shutil.which("chromium")


def report(tmp_path, *args, name="report.html"):
    out = tmp_path / name
    proc = subprocess.run([demo_path(), "report", *args, "-o", str(out)], capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    return out


def browser_env():
    """Chromium's environment: none of the sanitizer's preloading, which the
    binding's test run may have set for Python."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LD_PRELOAD", "ASAN_",
                                                                    "UBSAN_"))}
    env.setdefault("HOME", "/tmp")
    return env


class Browser:
    """Headless Chromium driven through the DevTools protocol on a pipe
    (--remote-debugging-pipe: commands in on fd 3, answers and events out
    on fd 4, each a JSON message ended by NUL)."""

    def __init__(self, tmp_path):
        assert CHROMIUM, "the tests need Debian's chromium (scripts/dev.sh installs it)"
        to_child, self._out = os.pipe()
        self._in, from_child = os.pipe()

        def wire():
            os.dup2(to_child, 3)
            os.dup2(from_child, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--remote-debugging-pipe", f"--user-data-dir={tmp_path / 'profile'}",
             "--hide-scrollbars", "about:blank"],
            preexec_fn=wire, close_fds=False, env=browser_env(),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next = 0
        self.events = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)

    def _send(self, message):
        os.write(self._out, json.dumps(message).encode() + b"\0")

    def _receive(self, deadline):
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            assert left > 0, "Chromium did not answer in time"
            ready, _, _ = select.select([self._in], [], [], left)
            if ready:
                chunk = os.read(self._in, 1 << 20)
                assert chunk, "Chromium closed the pipe"
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, session=False, **params):
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self._send(message)
        deadline = time.monotonic() + 120
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next:
                assert "error" not in reply, reply
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, method):
        deadline = time.monotonic() + 120
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._receive(deadline))

    def open(self, page, width=1000, height=1600):
        """Load a file; the rendered DOM as HTML."""
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width,
                  height=height, deviceScaleFactor=1, mobile=False)
        self.events.clear()
        self.call("Page.navigate", session=True, url=page.as_uri())
        self.wait_for("Page.loadEventFired")
        return self.call("Runtime.evaluate", session=True, returnByValue=True,
                         expression="document.documentElement.outerHTML")["result"]["value"]

    def requests(self):
        return [e["params"]["request"]["url"] for e in self.events
                if e.get("method") == "Network.requestWillBeSent"]

    def console(self):
        """Console calls, exceptions and log entries (CSP refusals among them)."""
        return [e for e in self.events if e.get("method") in (
            "Runtime.consoleAPICalled", "Runtime.exceptionThrown", "Log.entryAdded")]

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self):
        try:
            self._send({"id": 0, "method": "Browser.close"})
            self.proc.wait(timeout=30)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        os.close(self._in)
        os.close(self._out)


@pytest.fixture
def browser(tmp_path):
    b = Browser(tmp_path)
    yield b
    b.close()


def check_offline(browser, page):
    """Open the page: the DOM, after checking that nothing was logged and
    nothing but the file itself was requested."""
    dom = browser.open(page)
    assert browser.console() == []
    assert browser.requests() == [page.as_uri()]
    return dom


def strict_parse(text):
    """The page's tree by the HTML5 parsing algorithm; any parse error fails."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


def rendered(dom):
    """The browser's DOM (outerHTML: no doctype) as a tree."""
    return html5lib.parse(dom, namespaceHTMLElements=False)


def top_ids(*args, top=10):
    out = subprocess.run([demo_path(), "rank", *args, "--format", "json", "--top", str(top)],
                         capture_output=True, check=True).stdout
    return [p["id"] for p in json.loads(out)["people"][:top]]


def test_bundled_report_renders_offline_with_the_champions(tmp_path, browser):
    page = report(tmp_path, BUNDLED, "--confidence", "20")
    text = page.read_text(encoding="utf-8")
    tree = strict_parse(text)
    assert "://" not in text  # nothing to fetch, not even a link
    assert not tree.findall(".//script") and not tree.findall(".//img")
    assert not tree.findall(".//link")
    dom = check_offline(browser, page)
    ids = top_ids(BUNDLED)
    rows = rendered(dom).findall(".//section[@id='champions']//tbody/tr")
    assert [r.find("th").text for r in rows] == ids
    assert "(small teams)" in dom and "pooled as" in dom
    assert "Ranks 1 of 824" in dom
    assert "resamples" in dom  # the confidence in the caveats


def test_browser_check_sees_a_request_and_a_console_error(tmp_path, browser):
    # the control: the check above would catch a page that reaches out
    page = tmp_path / "leaky.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
                    '<title>x</title></head><body><img src="http://192.0.2.1/x.png" alt="">'
                    '</body></html>', encoding="utf-8")
    browser.open(page)
    assert "http://192.0.2.1/x.png" in " ".join(json.dumps(e) for e in browser.console())
    with pytest.raises(AssertionError):
        check_offline(browser, page)


def test_timed_report_with_a_goal(tmp_path, browser):
    page = report(tmp_path, TIMED, "--people", PEOPLE, "--goal", GOAL)
    text = page.read_text(encoding="utf-8")
    strict_parse(text)
    dom = check_offline(browser, page)
    tracking = json.loads(subprocess.run(
        [demo_path(), "track", TIMED, "--people", PEOPLE, "--goal", GOAL, "--format", "json"],
        capture_output=True, check=True).stdout)
    goal = tracking["goal"]
    status = rendered(dom).find(".//p[@id='goal-status']")
    words = "".join(status.itertext())
    state = "On track" if goal["on_track"] else "Not on track"
    assert words.startswith(f"{state}: {goal['latest']:g} of {goal['target']:g} ")
    assert "trend reaches" in words and "30 June 2004" in words
    assert "<svg" in text and "target 32" in dom
    last = tracking["periods"][-1]
    rising = [li.find("span").text for li in rendered(dom).findall(".//ul[@id='rising']/li")]
    assert rising == [r["id"] for r in last["rising"]]
    assert "Rising champions in April 2004" in dom


def test_screenshot_shows_a_page(tmp_path, browser):
    page = report(tmp_path, TIMED, "--people", PEOPLE, "--goal", GOAL)
    shot = tmp_path / "shot.png"
    check_offline(browser, page)
    browser.screenshot(shot)
    image = Image.open(shot).convert("RGB")
    assert image.size == (1000, 1600)
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # text and charts, not a blank page
    assert sum(n for n, c in colours if c == (255, 255, 255)) < 0.95 * 1000 * 1600


def test_hostile_ids_and_team_names_are_text(tmp_path, browser):
    hostile_id = '<script>alert("x")</script>&amp;'
    hostile_team = 'R&D "lab" <b>x</b> \'q\''
    people = [{"id": hostile_id, "team": hostile_team}]
    people += [{"id": f"p{i}", "team": hostile_team if i < 6 else f"t{i % 3}"}
               for i in range(40)]
    interactions = []
    for i in range(40):
        for j in (1, 2, 7):
            interactions.append({"from": f"p{i}", "to": f"p{(i + j) % 40}"})
            interactions.append({"from": f"p{(i + j) % 40}", "to": f"p{i}"})
        interactions.append({"from": hostile_id, "to": f"p{i}"})
        interactions.append({"from": f"p{i}", "to": hostile_id})
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps({"people": people, "interactions": interactions}))
    page = report(tmp_path, str(source), "--top", "40")
    text = page.read_text(encoding="utf-8")
    tree = strict_parse(text)
    assert not tree.findall(".//script") and not tree.findall(".//b")
    dom = check_offline(browser, page)
    tree = rendered(dom)
    ids = [r.find("th").text for r in tree.findall(".//section[@id='champions']//tbody/tr")]
    assert hostile_id in ids
    teams = [r.find("th").text for r in tree.findall(".//section[@id='teams']//tbody/tr")]
    assert hostile_team in teams


def test_dutch_labels(tmp_path):
    page = report(tmp_path, TIMED, "--people", PEOPLE, "--goal", GOAL, "--lang", "nl")
    tree = strict_parse(page.read_text(encoding="utf-8"))
    assert tree.get("lang") == "nl"
    headings = [h.text for h in tree.findall(".//h2")]
    assert headings[:4] == ["De methode", "De top 10 champions", "Champions per team",
                            "Voortgang"]
    status = "".join(tree.find(".//p[@id='goal-status']").itertext())
    assert status.startswith(("Op koers:", "Niet op koers:")) and "juni 2004" in status
    # numbers the Dutch way: 1.005 people
    assert "1.005" in "".join(tree.find(".//section[@id='data']").itertext())


def test_binding_writes_the_same_report_as_the_demo(tmp_path):
    net = champions.load(BUNDLED)
    html = net.report()
    assert html == report(tmp_path, BUNDLED).read_text(encoding="utf-8")
    path = tmp_path / "py.html"
    assert net.rank().report(path, lang="nl") is None
    assert path.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="nl">')
    with pytest.raises(champions.ArgumentError):
        net.rank().report(lang="fr")


def test_binding_report_with_tracking_and_goal(tmp_path):
    net = champions.load(TIMED, people=PEOPLE)
    tracking = net.track(goal=GOAL)
    html = net.rank().report(tracking=tracking)
    goal = tracking.goal
    assert ("On track:" if goal["on_track"] else "Not on track:") in html
    assert html == net.report(goal=GOAL)


def test_untimed_network_has_no_programme_and_a_goal_is_refused(tmp_path):
    text = report(tmp_path, BUNDLED).read_text(encoding="utf-8")
    assert 'id="programme"' not in text
    proc = subprocess.run([demo_path(), "report", BUNDLED, "--goal", GOAL, "-o",
                           str(tmp_path / "no.html")], capture_output=True)
    assert proc.returncode == 1 and b"a goal needs timed interactions" in proc.stderr
    assert not (tmp_path / "no.html").exists()
    assert not list(tmp_path.glob("no.html.*"))  # no temporary file left behind
