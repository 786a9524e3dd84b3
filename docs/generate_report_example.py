"""Regenerate the real output in docs/report.md: the corpus with outlets and dates, a few verdicts, the report
(docs/examples/report-corpus.html), two of its charts and the app's report screen (docs/screenshots/).

Run with the project's venv set up: `.venv/bin/python docs/generate_report_example.py`; it prints the console
blocks to paste into docs/report.md."""

import asyncio
import os
import re
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
work = Path(tempfile.mkdtemp(prefix="qc-report-"))
env = dict(os.environ, QUOTECHECK_DB="report.db", QUOTECHECK_REVIEWER="anna", COLUMNS="110", NO_COLOR="1",
           PATH=f"{REPO / '.venv/bin'}:{os.environ['PATH']}")

COMMANDS = [
    "python3 docs/examples/corpus_with_outlets.py | quotecheck ingest -",
    'quotecheck mark-all verified --outlet EUobserver --yes',
    'quotecheck mark-all disputed --speaker "Graham Tull" --rating mostly-false --yes',
    'quotecheck speakers gender "Robbie Hallam" male',
    "quotecheck report -o report.html",
]


def run(command: str) -> str:
    command = command.replace("docs/examples/", f"{REPO}/docs/examples/")
    done = subprocess.run(["bash", "-c", command], cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)  # fmt: skip
    return done.stdout.rstrip("\n")


for command in COMMANDS:
    print(f"$ {command}\n{run(command)}")

page = (work / "report.html").read_text(encoding="utf-8")
(REPO / "docs/examples/report-corpus.html").write_text(page, encoding="utf-8")
figures = re.findall(r"<figure>(.*?)</figure>", page, flags=re.S)
for svg in figures:
    for wanted, name in (("Women among the people quoted, by outlet", "report-women-by-outlet.svg"),
                         ("Speaker types by outlet", "report-types-by-outlet.svg")):  # fmt: skip
        if f">{wanted}<" in svg:
            (REPO / "docs/screenshots" / name).write_text(svg, encoding="utf-8")


async def screenshot() -> None:
    from quotecheck.review.app import ReviewApp
    from quotecheck.store import Store

    with Store(work / "report.db") as store:
        app = ReviewApp(store, reviewer="anna", keymap_file=work / "none.toml")
        async with app.run_test(size=(120, 64)) as pilot:
            await pilot.pause()
            await pilot.press("p")
            for _ in range(20):
                await app.workers.wait_for_complete()
                await pilot.pause()
            app.save_screenshot(str(REPO / "docs/screenshots/report.svg"))


asyncio.run(screenshot())
