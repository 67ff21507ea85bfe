"""What the browser tests share: Debian's Chromium driven by Playwright, screenshots, a free
localhost port and the files a server process holds open."""

from __future__ import annotations

import os
import socket
from pathlib import Path

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
