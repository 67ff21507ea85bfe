"""What the browser tests share: Debian's Chromium driven by Playwright, screenshots, a free
localhost port and the files a server process holds open."""

from __future__ import annotations

import os
import socket
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")
# Run as root in CI: no sandbox; no background connections (the machine's network is closed).
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = PROJECT_ROOT / "target" / "screenshots"


def launch_chromium(playwright):
    """Debian's Chromium, headless (never a browser Playwright downloads)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under target/screenshots/ (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def free_port() -> int:
    """A TCP port on localhost that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def open_files(pid: int) -> set[Path]:
    """The files a process holds open (Linux /proc)."""
    files = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            files.add(Path(os.readlink(fd)))
        except OSError:  # closed while listing
            continue
    return files


def wait_until_healthy(name: str, health_url: str, expected: bytes, server, log: Path, timeout: float) -> None:
    """Poll a server's health endpoint until it answers `expected`; fail early, with the server's
    log, if the process exits or the time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, f"{name} exited with {server.returncode}:\n{log.read_text()[-5000:]}"
        try:
            with urllib.request.urlopen(health_url, timeout=2) as response:
                if response.read().strip() == expected:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"{name} did not answer {health_url} within {timeout} s:\n{log.read_text()[-5000:]}")
