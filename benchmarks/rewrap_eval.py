"""Accuracy on hard-wrapped copies of gold articles: the same articles scored as given and rewrapped.

    .venv/bin/python benchmarks/rewrap_eval.py [GOLD ...] [--width 70] [--indent 4] [--blank-lines]
    .venv/bin/python benchmarks/rewrap_eval.py --quick     # seconds: the bundled corpus only

Each article is rewrapped the way plain-text archives and wire feeds print it: every paragraph (a line of the
original) filled to --width columns by ``textwrap`` (words are not broken, at hyphens or otherwise, as mail
clients and ``fmt`` do not), its first line indented by --indent spaces, and no blank line between paragraphs
except after the first (the headline), unless --blank-lines keeps them all. Gold offsets (quotes, speaker mentions,
ignore spans, not-speech spans) are mapped to the rewrapped text. The rewrapped articles live in memory only;
nothing is written. Default gold files: the sets in ../shared/devset next to the repository whose articles have a
line per paragraph (reuters-dev.jsonl is hard-wrapped already), and the bundled corpus. Goal: every figure of the
rewrapped copy within one point of the original's."""

from __future__ import annotations

import argparse
import textwrap
import time
from dataclasses import replace
from pathlib import Path

from quotecheck import extract
from quotecheck.evaluate import GoldDocument, GoldError, load_gold, score_document, summarize
from quotecheck.evaluate.gold import gold_files
from quotecheck.evaluate.report import report_dict

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset"
DEFAULT_GOLD = [
    *(str(DEVSET / name) for name in ("polnear-train.jsonl", "polnear-train-speakers.jsonl", "bbc-dev.jsonl")),
    str(ROOT / "corpus"),
]
_WHITESPACE = frozenset("\t\n\x0b\x0c\r ")  # what textwrap splits words at; every other character is kept


def rewrap(text: str, width: int, indent: int, blank_lines: bool) -> tuple[str, list[int]]:
    """The rewrapped text, and for each offset of ``text`` the offset of its next kept character in the new one
    (``len(new)`` at the end)."""
    pieces: list[str] = []
    new_pos = [-1] * (len(text) + 1)  # new offset of each character of text that is kept
    length = 0
    offset = 0
    for number, line in enumerate(text.split("\n")):
        line_start, offset = offset, offset + len(line) + 1
        if not line.strip():
            if blank_lines or number == 1:
                pieces.append("\n")
                length += 1
            continue
        cursor = line_start
        for row in textwrap.wrap(line, width, initial_indent=" " * indent, break_long_words=False,
                                 break_on_hyphens=False):
            for column, char in enumerate(row):
                if char in _WHITESPACE:
                    continue
                while text[cursor] in _WHITESPACE:
                    cursor += 1
                assert text[cursor] == char, "textwrap changed a character"
                new_pos[cursor] = length + column
                cursor += 1
            pieces.append(row + "\n")
            length += len(row) + 1
    new_pos[len(text)] = length
    for index in range(len(text) - 1, -1, -1):  # whitespace maps to the next kept character
        if new_pos[index] < 0:
            new_pos[index] = new_pos[index + 1]
    return "".join(pieces), new_pos


def rewrap_document(doc: GoldDocument, width: int, indent: int, blank_lines: bool) -> GoldDocument:
    text, new_pos = rewrap(doc.text, width, indent, blank_lines)

    def span(start: int, end: int) -> tuple[int, int]:
        # the end maps from the last character inside the span, so trailing whitespace does not reach the next line
        last = end - 1
        while last > start and doc.text[last] in _WHITESPACE:
            last -= 1
        return new_pos[start], (new_pos[last] + 1 if end > start else new_pos[start])

    def mention(start: int | None, end: int | None) -> tuple[int | None, int | None]:
        return (None, None) if start is None or end is None else span(start, end)

    quotes = []
    for quote in doc.quotes:
        (start, end), (speaker_start, speaker_end) = span(quote.start, quote.end), mention(quote.speaker_start,
                                                                                            quote.speaker_end)
        quotes.append(replace(quote, start=start, end=end, speaker_start=speaker_start, speaker_end=speaker_end))
    return replace(
        doc, text=text, quotes=tuple(quotes),
        not_speech=tuple(span(*pair) for pair in doc.not_speech), ignore=tuple(span(*pair) for pair in doc.ignore),
    )


def figures(docs: list[GoldDocument]) -> tuple[dict, float]:
    began = time.perf_counter()
    scores = [score_document(doc, extract(doc.text)) for doc in docs]
    seconds = time.perf_counter() - began
    return report_dict(summarize(scores), files=1, errors=0, seconds={"extraction": seconds, "scoring": 0}), seconds


ROWS = (
    ("quoted span F1", ("quoted", "f1")),
    ("quoted span recall", ("quoted", "recall")),
    ("quoted span precision", ("quoted", "precision")),
    ("quoted name", ("quoted", "name_accuracy")),
    ("quoted end-to-end name F1", ("quoted", "end_to_end_name", "f1")),
    ("reported span F1", ("reported", "f1")),
    ("reported name", ("reported", "name_accuracy")),
    ("reported end-to-end name F1", ("reported", "end_to_end_name", "f1")),
    ("all end-to-end name F1", ("all", "end_to_end_name", "f1")),
)


def _get(report: dict, path: tuple[str, ...]) -> float | None:
    for key in path:
        report = report[key]
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", default=DEFAULT_GOLD, help="gold files or directories")
    parser.add_argument("--width", type=int, default=70, help="columns to fill each line to")
    parser.add_argument("--indent", type=int, default=4, help="spaces before the first line of a paragraph")
    parser.add_argument("--blank-lines", action="store_true", help="keep the blank lines between paragraphs")
    parser.add_argument("--quick", action="store_true", help="a check that the script works, in seconds: the corpus")
    args = parser.parse_args()
    if args.quick:
        args.gold = [str(ROOT / "corpus")]
    extract("Ann Lee of Paris said he was fine.")  # loads the first-name and place data, so neither timing has it
    worst = 0.0
    for name in args.gold:
        docs = []
        for path in gold_files([name]):
            if isinstance(path, GoldError):
                print(f"Error: {path}")
                continue
            docs += [doc for doc in load_gold(path) if not isinstance(doc, GoldError)]
        wrapped = [rewrap_document(doc, args.width, args.indent, args.blank_lines) for doc in docs]
        original, original_seconds = figures(docs)
        rewrapped, rewrapped_seconds = figures(wrapped)
        print(f"\n{name} ({len(docs)} articles; extraction {original_seconds:.1f} s as given, "
              f"{rewrapped_seconds:.1f} s rewrapped)")
        print(f"{'':30}{'given':>9}{'rewrapped':>11}{'change':>9}")
        for label, key in ROWS:
            before, after = _get(original, key), _get(rewrapped, key)
            if before is None or after is None:
                continue
            worst = max(worst, abs(after - before))
            print(f"{label:30}{before:>9.1%}{after:>11.1%}{after - before:>+9.1%}")
    print(f"\nlargest change: {worst:.1%} (goal: at most 1.0%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
