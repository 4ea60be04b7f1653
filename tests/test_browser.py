"""The HTML report and matrix in a real headless Chromium: no console messages, no network, a screenshot."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from gapcheck.cli import main

ARTIFACTS = Path(__file__).parent / "_artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium); .ci/run installs it, so CI runs these tests",
)


def _load(page: Path, profile: Path, screenshot: Path) -> tuple[list[str], list[str]]:
    """Open a file headless; return its console lines and the URLs the page itself requested."""
    netlog = profile / "netlog.json"
    done = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            f"--log-net-log={netlog}",
            "--hide-scrollbars",
            "--window-size=1280,1600",
            f"--screenshot={screenshot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    # the browser's own background requests have no page origin; the page's carry file://
    requests = [
        e["params"]["url"]
        for e in log["events"]
        if e["type"] == start and "file://" in str(e["params"].get("network_isolation_key", ""))
    ]
    return console, requests


def test_the_check_detects_console_errors_and_network_requests(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><img src="http://127.0.0.1:9/x.png"><script>console.error("boom")</script>', encoding="utf-8"
    )
    console, requests = _load(page, tmp_path / "profile", tmp_path / "bad.png")
    assert any("boom" in line for line in console)
    assert requests == ["http://127.0.0.1:9/x.png"]


@pytest.mark.parametrize("command,page", [("report", "la-report.html"), ("matrix", "matrix.html")])
def test_page_is_self_contained_and_quiet(tmp_path: Path, command: str, page: str) -> None:
    assert main([command, "--out", str(tmp_path), "--format", "html"]) == 0
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / page.replace(".html", ".png")
    console, requests = _load(tmp_path / page, tmp_path / "profile", shot)
    assert console == []
    assert requests == []
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
