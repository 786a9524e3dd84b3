"""Render HTML files the way a reader sees and prints them: headless Chromium prints a page to PDF (pypdf reads
its pages back) or takes a screenshot. Any HTML file quotecheck writes can be checked with it (the quote sheet,
the who-gets-quoted report): use the ``headless_browser`` fixture, which skips the test when no Chromium is
installed (CI installs the Debian package ``chromium``: see .ci/run)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader

EXECUTABLES = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT_SECONDS = 120  # a cold start on a busy 2-core machine takes a few seconds


def find_chromium() -> str | None:
    return next((path for name in EXECUTABLES if (path := shutil.which(name))), None)


class HeadlessBrowser:
    def __init__(self, executable: str):
        self.executable = executable

    def print_to_pdf(self, html: Path, pdf: Path) -> list[str]:
        """Print ``html`` as Chromium's print dialog would (its print CSS applies, no header or footer) to ``pdf``;
        the text of each page."""
        self._run(f"--print-to-pdf={Path(pdf).resolve()}", "--no-pdf-header-footer", html=html)
        return [page.extract_text() for page in PdfReader(pdf).pages]

    def screenshot(self, html: Path, png: Path, *, width: int = 1000, height: int = 1400) -> Path:
        """The top ``width`` x ``height`` pixels of ``html`` on screen, as a PNG."""
        self._run(f"--screenshot={Path(png).resolve()}", f"--window-size={width},{height}", "--hide-scrollbars",
                  html=html)
        return png

    def _run(self, *options: str, html: Path) -> None:
        if not Path(html).is_file():  # Chromium would print its error page instead
            raise FileNotFoundError(html)
        with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
            # --no-sandbox: the sandbox cannot start as root (CI containers); the pages are our own files
            command = [self.executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                       f"--user-data-dir={profile}", *options, Path(html).resolve().as_uri()]  # fmt: skip
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        if done.returncode != 0:
            raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
