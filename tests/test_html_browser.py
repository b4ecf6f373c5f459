"""The HTML in a real browser: headless Chromium at a phone's and a laptop's width.

Chromium is driven over the DevTools protocol through a pipe (--remote-debugging-pipe:
JSON messages separated by NUL bytes on file descriptors 3 and 4), so no port is
opened and no websocket library is needed. `make test` installs Debian's chromium
when it is missing; without it these tests are skipped, saying so.

Set BRIEFING_SCREENSHOTS=DIR to keep the full-page screenshots (phone.png, laptop.png).
"""
from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
WIDTHS = {"phone": 390, "laptop": 1280}
MARKING = "UNCLASSIFIED // FOR OFFICIAL USE ONLY"


def find_chromium() -> str | None:
    named = os.environ.get("BRIEFING_CHROMIUM")
    if named:
        return shutil.which(named) or (named if os.access(named, os.X_OK) else None)
    return next((path for path in map(shutil.which, CHROMIUM_NAMES) if path), None)


class Browser:
    """A headless Chromium and the DevTools protocol over its debugging pipe."""

    def __init__(self, executable: str, profile: Path, timeout: float = 60.0):
        self.timeout = timeout
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def onto_fds_3_and_4() -> None:  # runs in the child, before exec
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self._log = open(profile / "chromium.log", "wb")
        self.proc = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log,
            pass_fds=(3, 4), preexec_fn=onto_fds_3_and_4,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_chrome], [], [], left)
            if ready:
                chunk = os.read(self._from_chrome, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed its debugging pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, session: str) -> dict:
        deadline = time.monotonic() + self.timeout
        for event in self.events:
            if event.get("method") == method and event.get("sessionId") == session:
                return event
        while True:
            event = self._read_message(deadline)
            self.events.append(event)
            if event.get("method") == method and event.get("sessionId") == session:
                return event

    def evaluate(self, session: str, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, session)
        if "exceptionDetails" in result:
            raise AssertionError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)
        self._log.close()


def problems_in(events: list[dict], session: str) -> list[str]:
    """Console errors, uncaught exceptions and browser log errors (blocked loads, CSP) of one page."""
    found = []
    for e in events:
        if e.get("sessionId") != session:
            continue
        p = e.get("params", {})
        if e.get("method") == "Runtime.exceptionThrown":
            found.append(f"exception: {p['exceptionDetails'].get('text')} "
                         f"{p['exceptionDetails'].get('exception', {}).get('description', '')}")
        elif e.get("method") == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            found.append("console." + p["type"] + ": " + " ".join(str(a.get("value", a.get("description")))
                                                                   for a in p.get("args", [])))
        elif e.get("method") == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            found.append(f"log: {p['entry'].get('text')} {p['entry'].get('url', '')}")
    return found


OVERFLOW = """(() => {
  const width = window.innerWidth;
  const offenders = [];
  // inside a box that scrolls sideways (the map, the matrix on a phone) content may be wider: the box scrolls, not the page
  const scrolls = (el) => { for (let a = el.parentElement; a; a = a.parentElement) {
    if (["auto", "scroll"].includes(getComputedStyle(a).overflowX)) return true; } return false; };
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (scrolls(el)) continue;
    if (r.right > width + 1 || r.left < -1) {
      offenders.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, offenders: offenders.slice(0, 10)};
})()"""

# Focus citation markers the way the Tab key would, and measure each tooltip while shown.
TOOLTIPS = """(() => {
  const cites = Array.from(document.querySelectorAll("a.cite"));
  const picks = [cites[0], cites[Math.floor(cites.length / 2)], ...Array.from(document.querySelectorAll("table a.cite")).slice(-1)];
  const out = [];
  for (const a of picks.filter(Boolean)) {
    a.focus();
    const tip = document.getElementById(a.getAttribute("aria-describedby"));
    const r = tip.getBoundingClientRect();
    out.push({id: a.textContent, focused: document.activeElement === a, display: getComputedStyle(tip).display,
              left: r.left, right: r.right, width: window.innerWidth, text: tip.textContent.trim(),
              sentences: tip.querySelectorAll(".tip-text").length,
              scrollWidth: document.documentElement.scrollWidth});
    a.blur();
  }
  return out;
})()"""


@pytest.fixture(scope="module")
def chromium():
    path = find_chromium()
    if path is None:
        pytest.skip("Chromium is not installed: `make test` installs Debian's chromium when apt-get can; "
                    "or set BRIEFING_CHROMIUM to a Chromium or Chrome binary")
    return path


@pytest.fixture(scope="module")
def marked_html(seed_build, tmp_path_factory):
    """The seed briefing with a handling marking, built through the CLI from the seed build's cache."""
    out, _, work = seed_build
    marked = tmp_path_factory.mktemp("browser") / "out"
    shutil.copytree(out, marked)
    cwd = os.getcwd()
    os.chdir(work)
    try:
        result = CliRunner().invoke(cli, ["build", "seeds", "-o", str(marked), "--marking", MARKING, "-q"],
                                    catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return marked / "briefing.html"


@pytest.fixture(scope="module")
def pages(chromium, marked_html, tmp_path_factory):
    """For each width: the page's measurements, its tooltips, keyboard focus, and console problems."""
    profile = Path(tempfile.mkdtemp(prefix="briefing-chromium-"))
    keep = os.environ.get("BRIEFING_SCREENSHOTS")
    shots = Path(keep) if keep else tmp_path_factory.mktemp("screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    browser = Browser(chromium, profile)
    results = {}
    try:
        for name, width in WIDTHS.items():
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Runtime", "Log", "Page"):
                browser.send(f"{domain}.enable", session=session)
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": width, "height": 844 if width < 600 else 800, "deviceScaleFactor": 1,
                          "mobile": width < 600}, session)
            browser.send("Page.navigate", {"url": marked_html.resolve().as_uri()}, session)
            browser.wait_for("Page.loadEventFired", session)
            layout = browser.evaluate(session, OVERFLOW)
            for kind in ("keyDown", "keyUp"):  # the first Tab on a fresh page
                browser.send("Input.dispatchKeyEvent", {"type": kind, "key": "Tab", "code": "Tab",
                                                        "windowsVirtualKeyCode": 9}, session)
            first_tab = browser.evaluate(
                session, "(() => { const a = document.activeElement; const r = a.getBoundingClientRect();"
                         " return {cls: a.className, text: a.textContent, top: r.top, bottom: r.bottom}; })()")
            tips = browser.evaluate(session, TOOLTIPS)
            landmarks = browser.evaluate(
                session, "({lang: document.documentElement.lang, main: document.querySelectorAll('main').length,"
                         " banner: document.querySelectorAll('header[role=banner]').length,"
                         " nav: document.querySelectorAll('nav[aria-labelledby]').length,"
                         " footer: document.querySelectorAll('footer[role=contentinfo]').length,"
                         " sections: Array.from(document.querySelectorAll('main section')).every("
                         "   s => document.getElementById(s.getAttribute('aria-labelledby')))})")
            # the whole page in one picture: a viewport as tall as the page, so sticky parts sit where they do at the top
            metrics = browser.send("Page.getLayoutMetrics", session=session)
            height = min(int(metrics["cssContentSize"]["height"]) + 1, 16000)
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}, session)
            browser.evaluate(session, "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            shot = browser.send("Page.captureScreenshot", {"format": "png"}, session)
            (shots / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))
            results[name] = {"layout": layout, "tips": tips, "first_tab": first_tab, "landmarks": landmarks,
                             "problems": problems_in(browser.events, session), "shot": shots / f"{name}.png"}
            browser.send("Target.closeTarget", {"targetId": target})
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    return results


@pytest.mark.parametrize("name", list(WIDTHS))
def test_no_horizontal_overflow(pages, name):
    layout = pages[name]["layout"]
    assert layout["scrollWidth"] <= layout["innerWidth"], layout
    assert not layout["offenders"], layout


@pytest.mark.parametrize("name", list(WIDTHS))
def test_no_console_errors(pages, name):
    assert pages[name]["problems"] == []


@pytest.mark.parametrize("name", list(WIDTHS))
def test_citation_tooltips_show_source_and_sentence_on_focus_and_stay_on_screen(pages, name):
    tips = pages[name]["tips"]
    assert len(tips) >= 2
    for tip in tips:
        assert tip["focused"] and tip["display"] == "block", tip
        assert tip["text"].startswith(tip["id"] + ":"), tip  # "S4: headline — outlet, date"
        assert -1 <= tip["left"] and tip["right"] <= tip["width"] + 1, tip
        assert tip["scrollWidth"] <= tip["width"], tip
    assert any(t["sentences"] for t in tips)  # a marker in a table shows the sentence it cites


@pytest.mark.parametrize("name", list(WIDTHS))
def test_keyboard_and_landmarks(pages, name):
    first = pages[name]["first_tab"]
    assert first["cls"] == "skip-link" and first["top"] >= 0, first  # the first Tab shows "Skip to the briefing"
    marks = pages[name]["landmarks"]
    assert marks == {"lang": "en", "main": 1, "banner": 1, "nav": 1, "footer": 1, "sections": True}


def test_screenshots_are_full_pages(pages):
    from struct import unpack

    for name, width in WIDTHS.items():
        data = pages[name]["shot"].read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        w, h = unpack(">II", data[16:24])
        assert w == width and h > 1500
