"""How fast the review app opens a big database and answers keys.

    python benchmarks/review_speed.py                       # builds /tmp/quotecheck-review-1m.db first if missing
    python benchmarks/review_speed.py --db big.db --tmux    # also measure a real terminal (needs tmux)
    python benchmarks/review_speed.py --quick               # seconds: a small database, a few presses (the tests)

It then does the same on one huge article (/tmp/quotecheck-review-huge.db, built if missing: 300,000 quotes in
50 MB of text): moving onto it in the queue, opening its article view, j/k/v through it.

Headless figures come from Textual's test driver: start-up is the time from opening the Store to the first
page of quotes on screen (and to the header counts); a key's time is from sending it to the screen having
handled it (detail loaded, database written for a verdict). The tmux figures are end to end in a real
terminal: from launching ``quotecheck review`` to the queue being drawn, and from a key to the pane changing,
polled with ``tmux capture-pane`` (so they include a few ms of polling). The script writes review actions
(as reviewer "bench") into the database it measures.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import build_database, build_huge_article  # noqa: E402
from quotecheck.review.app import ReviewApp  # noqa: E402
from quotecheck.review.screens.article import ArticleScreen  # noqa: E402
from quotecheck.review.screens.queue import QueueScreen  # noqa: E402
from quotecheck.review.screens.speakers import SpeakersScreen  # noqa: E402
from quotecheck.review.screens.versions import VersionsScreen  # noqa: E402
from quotecheck.review.widgets.quote_detail import QuoteDetail  # noqa: E402
from quotecheck.review.widgets.quote_list import QuoteList  # noqa: E402
from quotecheck.review.widgets.speaker_list import SpeakerList  # noqa: E402
from quotecheck.store import Store  # noqa: E402

SIZE = (120, 40)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def summary(label: str, samples: list[float]) -> None:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    print(f"{label:<42} median {ms(statistics.median(samples)):>10}   p95 {ms(p95):>10}   max {ms(samples[-1]):>10}"
          f"   ({len(samples)} presses)")  # fmt: skip


async def until(condition, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.001)


def counted(app: ReviewApp) -> bool:
    return "reviewed" in str(app.screen.query_one("#topbar").content)


async def press_timed(app: ReviewApp, key: str, done) -> float:
    """Seconds from sending ``key`` until ``done()`` holds (polled every millisecond)."""
    started = time.perf_counter()
    app.simulate_key(key)
    await until(done)
    return time.perf_counter() - started


async def until_idle(app: ReviewApp) -> None:
    """Until the counts and the app's one-off warm-up (speaker index) are done: keys are measured on their own."""
    await app.workers.wait_for_complete()
    await asyncio.sleep(0.05)
    await app.workers.wait_for_complete()


async def start_up(db: Path) -> tuple[float, float]:
    started = time.perf_counter()
    with Store(db) as store:
        app = ReviewApp(store, reviewer="bench")
        async with app.run_test(size=SIZE):
            await until(lambda: bool(app.screen.query(QuoteList)) and bool(app.screen.query_one(QuoteList).rows))
            first_rows = time.perf_counter() - started
            await until(lambda: counted(app))
            counts = time.perf_counter() - started
    return first_rows, counts


async def keys(db: Path, presses: int) -> None:
    """Each key goes in as the terminal would send it; the clock stops when the screen state shows its effect
    (polled every millisecond). Drawing the frame comes on top: see the tmux figures for end to end."""
    with Store(db) as store:
        app = ReviewApp(store, reviewer="bench")
        async with app.run_test(size=SIZE) as pilot:
            await until(lambda: bool(app.screen.query(QuoteList)) and bool(app.screen.query_one(QuoteList).rows))
            await until_idle(app)
            queue = app.screen.query_one(QuoteList)
            detail = app.screen.query_one(QuoteDetail)

            timed = partial(press_timed, app)

            def moved_to(index: int):
                return lambda: (queue.cursor == index and detail.shown is not None
                                and detail.shown.id == queue.rows[index].id)  # fmt: skip

            summary("j (next quote, its detail shown)", [await timed("j", moved_to(queue.cursor + 1)) for _ in range(presses)])
            print(f"{'':<42} rows loaded after {presses} moves: {len(queue.rows):,} (pages of 200 as the cursor nears the end)")
            summary("k (previous quote)", [await timed("k", moved_to(queue.cursor - 1)) for _ in range(max(1, presses // 4))])
            def moved_from(index: int):  # a page down lands wherever the rows loaded by then allow
                return lambda: queue.cursor != index and detail.shown is not None and detail.shown.id == queue.rows[queue.cursor].id

            async def page_down() -> float:
                await until(lambda: not queue.loading)  # at the end of the rows loaded so far it could not move
                return await timed("pagedown", moved_from(queue.cursor))

            summary("pagedown", [await page_down() for _ in range(min(20, presses))])
            summary("v (verdict saved, next quote shown)", [await timed("v", moved_to(queue.cursor + 1)) for _ in range(max(1, presses // 4))])
            def rated(index: int):
                return lambda: queue.rows[index].rating == "true" and detail.shown is not None and detail.shown.rating == "true"

            ratings = []
            for _ in range(max(1, presses // 8)):  # a rating stays on the quote; the verdict after it moves on
                ratings.append(await timed("1", rated(queue.cursor)))
                await timed("v", moved_to(queue.cursor + 1))
            summary("1 (rating saved and shown, same quote)", ratings)
            undo_samples = []
            for _ in range(min(10, presses)):
                told = len(app._notifications)
                undo_samples.append(await timed("z", lambda: len(app._notifications) > told))
            summary("z (undo from the history)", undo_samples)

            await pilot.press("slash", *"refugees")
            old_generation = queue._generation
            started = time.perf_counter()
            app.simulate_key("enter")
            await until(lambda: queue._generation != old_generation and bool(queue.rows) and not queue.loading)
            print(f"{'search “refugees” (enter to first page)':<42} {ms(time.perf_counter() - started):>17}")
            await until(lambda: counted(app))
            print(f"{'  … to its counts in the header':<42} {ms(time.perf_counter() - started):>17}")

            started = time.perf_counter()
            app.simulate_key("enter")
            await until(lambda: isinstance(app.screen, ArticleScreen) and app.screen.is_mounted)
            print(f"{'enter (article view)':<42} {ms(time.perf_counter() - started):>17}")
            article = app.screen
            summary("j in the article view", [await timed("j", lambda i=article.index: article.index == i + 1) for _ in range(5)])
            app.simulate_key("escape")
            await until(lambda: isinstance(app.screen, QueueScreen))

            started = time.perf_counter()
            app.simulate_key("s")
            await until(lambda: isinstance(app.screen, SpeakersScreen) and bool(app.screen.query(SpeakerList))
                        and bool(app.screen.query_one(SpeakerList).rows))  # fmt: skip
            print(f"{'s (speakers, first page)':<42} {ms(time.perf_counter() - started):>17}")
            app.simulate_key("escape")
            await until(lambda: isinstance(app.screen, QueueScreen))

            async def versions_shown() -> float:
                """p: the full-text index asked for quotes sharing wording, those grouped, the panel drawn."""
                elapsed = await timed("p", lambda: isinstance(app.screen, VersionsScreen) and app.screen.is_mounted)
                app.simulate_key("escape")
                await until(lambda: isinstance(app.screen, QueueScreen))
                await timed("j", moved_to(queue.cursor + 1))
                return elapsed

            summary("p (versions panel shown)", [await versions_shown() for _ in range(min(20, presses))])


async def huge_article(db: Path, presses: int) -> None:
    """The queue and the article view on one huge article (the database of build_huge_article): moving onto it,
    opening it, moving through it (crossing the windows of text the view loads) and reviewing in it."""
    with Store(db) as store:
        app = ReviewApp(store, reviewer="bench")
        async with app.run_test(size=SIZE):
            await until(lambda: bool(app.screen.query(QuoteList)) and bool(app.screen.query_one(QuoteList).rows))
            await until_idle(app)
            queue = app.screen.query_one(QuoteList)
            detail = app.screen.query_one(QuoteDetail)
            huge_id = max(row.article_id for row in queue.rows)
            started = time.perf_counter()
            size = len(store.article(huge_id).text)
            print(f"one article of {size / 1e6:.1f} MB, {store.article_quote_count(huge_id):,} quotes; "
                  f"terminal {SIZE[0]}x{SIZE[1]}")
            print(f"{'reading its text (once, for the detail)':<42} {ms(time.perf_counter() - started):>17}")

            timed = partial(press_timed, app)

            def shown(index: int):
                return lambda: (queue.cursor == index and detail.shown is not None
                                and detail.shown.id == queue.rows[index].id)  # fmt: skip

            while queue.rows[queue.cursor].article_id != huge_id:
                await timed("j", shown(queue.cursor + 1))
            moves = [await timed("j", shown(queue.cursor + 1)) for _ in range(presses)]
            summary("queue: j within it (quote in context)", moves)

            opened = await timed("enter", lambda: isinstance(app.screen, ArticleScreen) and app.screen.is_mounted
                                 and bool(app.screen.blocks))  # fmt: skip
            print(f"{'enter (its article view)':<42} {ms(opened):>17}")
            article = app.screen
            windows = {article.window}
            samples = []
            for _ in range(presses * 2):
                samples.append(await timed("j", lambda i=article.index: article.index == i + 1))
                windows.add(article.window)
            summary("article view: j", samples)
            print(f"{'':<42} {len(windows)} window{'s' if len(windows) != 1 else ''} of text shown on the way")
            summary("article view: k", [await timed("k", lambda i=article.index: article.index == i - 1)
                                        for _ in range(max(1, presses // 4))])  # fmt: skip
            verdicts = [await timed("v", lambda i=article.index: article.index == i + 1)
                        for _ in range(max(1, presses // 4))]  # fmt: skip
            summary("article view: v (saved, next quote)", verdicts)


def tmux_figures(db: Path, presses: int) -> None:
    session = "quotecheck-review-bench"
    quotecheck = str(Path(sys.executable).with_name("quotecheck"))

    def pane() -> str:
        return subprocess.run(["tmux", "capture-pane", "-t", session, "-p"], capture_output=True, text=True).stdout

    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    started = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", str(SIZE[0]), "-y", str(SIZE[1]),
                    f"{quotecheck} review --db {db} --reviewer bench"], check=True)  # fmt: skip
    try:
        while "Speaker" not in pane() or "Conf" not in pane():
            time.sleep(0.005)
        drawn = time.perf_counter() - started
        while "reviewed" not in pane():
            time.sleep(0.005)
        print(f"{'tmux: launch to queue drawn':<42} {ms(drawn):>17}")
        print(f"{'tmux: launch to counts drawn':<42} {ms(time.perf_counter() - started):>17}")
        time.sleep(2)  # the app's one-off warm-up (speaker index, ~0.6 s) runs right after the first screen
        for key, label in (("j", "tmux: j to pane changed"), ("v", "tmux: v to pane changed (saved, next)")):
            samples = []
            for _ in range(presses):
                before = pane()
                started = time.perf_counter()
                subprocess.run(["tmux", "send-keys", "-t", session, key], check=True)
                while pane() == before:
                    time.sleep(0.002)
                samples.append(time.perf_counter() - started)
                time.sleep(0.05)
            summary(label, samples)
    finally:
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], capture_output=True)
        time.sleep(0.3)
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/quotecheck-review-1m.db"))
    parser.add_argument("--quotes", type=int, default=1_000_000, help="when building the database")
    parser.add_argument("--speakers", type=int, default=100_000, help="when building the database")
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--tmux", action="store_true", help="also measure in a real terminal under tmux")
    parser.add_argument("--huge-db", type=Path, default=Path("/tmp/quotecheck-review-huge.db"),
                        help="database with one huge article (built first if missing)")
    parser.add_argument("--huge-quotes", type=int, default=300_000, help="quotes of the huge article (50 MB of text)")
    parser.add_argument("--quick", action="store_true",
                        help="a check that the script works, in seconds: a new 3,000-quote database, 8 presses")
    args = parser.parse_args()
    if args.quick:
        with tempfile.TemporaryDirectory(prefix="quotecheck-review-") as scratch:
            args.db, args.quotes, args.speakers, args.presses = Path(scratch) / "quick.db", 3000, 300, 8
            args.huge_db, args.huge_quotes = Path(scratch) / "huge.db", 3000
            measure(args, runs=1)
        return
    measure(args, runs=3)


def measure(args: argparse.Namespace, *, runs: int) -> None:
    if not args.db.exists():
        print(f"building {args.db} ({args.quotes:,} quotes, {args.speakers:,} speakers)…", flush=True)
        build_database(args.db, quotes=args.quotes, speakers=args.speakers)
    with Store(args.db) as store:
        print(f"{args.db}: {store.count_quotes():,} quotes, {store.count_reviewed():,} reviewed; terminal {SIZE[0]}x{SIZE[1]}")
    times = [asyncio.run(start_up(args.db)) for _ in range(runs)]
    print(f"{'start-up to first page of quotes':<42} median {ms(statistics.median(t[0] for t in times)):>10}   ({runs} runs)")
    print(f"{'start-up to header counts':<42} median {ms(statistics.median(t[1] for t in times)):>10}   ({runs} runs)")
    asyncio.run(keys(args.db, args.presses))
    if not args.huge_db.exists():
        print(f"building {args.huge_db} (one article of {args.huge_quotes:,} quotes)…", flush=True)
        build_huge_article(args.huge_db, quotes=args.huge_quotes)
    asyncio.run(huge_article(args.huge_db, args.presses))
    if args.tmux:
        if shutil.which("tmux") is None:
            print("tmux not installed: no terminal figures")
        else:
            tmux_figures(args.db, min(args.presses, 50))


if __name__ == "__main__":
    main()
