"""How clean the speakers table is after ingesting a corpus: the four figures of issue 7 ("Speakers in the store").

    .venv/bin/python benchmarks/speaker_quality.py /work/shared/devset/polnear-train.jsonl
    .venv/bin/python benchmarks/speaker_quality.py corpus/ --show 10      # and examples of each problem
    .venv/bin/python benchmarks/speaker_quality.py --quick                # the bundled corpus (the tests run it)

Each PATH (a JSONL file with `text` per line, a file or a directory, as `quotecheck ingest` takes them) is ingested
into a new temporary database by the `quotecheck ingest` command itself (in-process), then the live speakers
(not merged away) are read back through `Store.speakers()` and measured:

1. untyped share: speaker rows with no type;
2. glued-word share of person rows: the name has two or more words and its first word is capitalised and a
   common lower-case word (a function word, verb or adverb from the extractor's lexicon files, read only, plus
   benchmarks/glued_words.txt; given names such as Will, Drew and May left out), as in "See Sexton", "Neither
   Cruz", "Former Carson", "Fort Pierce";
3. rows per person for the 20 most-quoted people: rows of any type are grouped by a person key (first and last
   word of the name, middle names and initials dropped, Jr./Sr./II/III kept: "Donald J. Trump" and "Donald Trump"
   are one person, "Donald Trump Jr." another); the 20 groups holding a person row with the most quotes;
4. person names also typed organisation: names (accent-, case- and punctuation-insensitive) that have both a person
   row and an organisation row.

Article-scoped speakers (anonymous sources and descriptions, one row per article) are left out of 3 and 4: one row
per article is what they should be. The measure is independent of the store's own matching code (name_key only).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotecheck.cli.ingest import ingest_command  # noqa: E402
from quotecheck.store import Store  # noqa: E402
from quotecheck.store.names import name_key  # noqa: E402

EXTRACTOR_LEXICON = ROOT / "quotecheck" / "extract" / "lexicon"
LEXICON_FILES = (
    EXTRACTOR_LEXICON / "stop_capitals.txt",
    EXTRACTOR_LEXICON / "common_verbs.txt",
    EXTRACTOR_LEXICON / "adverbs.txt",
    EXTRACTOR_LEXICON / "conjunctions.txt",
    Path(__file__).resolve().parent / "glued_words.txt",
)
# Words of those lists that are given names too ("Will Estrada", "Drew Heiserman"): never counted as glued.
GIVEN_NAMES = {"april", "august", "drew", "june", "may", "rose", "will"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
TOP_PEOPLE = 20


def _words(path: Path) -> set[str]:
    """Lower-case words, one or more a line, ``#`` comments skipped (the format of the lexicon files)."""
    words: set[str] = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            words.update(word for word in line.split("#", 1)[0].lower().split() if word.isalpha())
    return words


def load_lexicon() -> set[str]:
    """The words that, capitalised at the start of a person's name, mark a glued word."""
    return set().union(*map(_words, LEXICON_FILES)) - GIVEN_NAMES


def person_key(name: str) -> str:
    """``"Donald J. Trump"`` -> ``"donald trump"``; ``"Donald Trump Jr."`` -> ``"donald trump jr"``."""
    words = name_key(name).split()
    suffix = []
    if len(words) > 2 and words[-1] in SUFFIXES:
        suffix, words = [words[-1]], words[:-1]
    if len(words) > 2:
        words = [words[0], words[-1]]
    return " ".join(words + suffix)


def is_glued(name: str, lexicon: set[str]) -> bool:
    first = name.split()[0] if name.split() else ""
    return len(name.split()) > 1 and first[:1].isupper() and first.strip(".,'’").lower() in lexicon


@dataclass
class Figures:
    speakers: int
    untyped: int
    persons: int
    glued: list[str]
    top_people: list[tuple[str, int, list[str]]]  # (person key, quotes, rows as "name (type)")
    person_and_organisation: list[str]

    @property
    def rows_per_person(self) -> float:
        return sum(len(rows) for _, _, rows in self.top_people) / len(self.top_people) if self.top_people else 0.0


def measure(speakers, lexicon: set[str]) -> Figures:
    """The figures for a list of SpeakerRecord (live speakers)."""
    shared = [s for s in speakers if getattr(s, "article_id", None) is None]
    persons = [s for s in speakers if s.type == "person"]
    groups: dict[str, list] = defaultdict(list)
    for speaker in shared:
        groups[person_key(speaker.name)].append(speaker)
    people = [
        (key, sum(s.quote_count for s in rows), [f"{s.name} ({s.type or 'untyped'})" for s in rows])
        for key, rows in groups.items()
        if any(s.type == "person" for s in rows)
    ]
    people.sort(key=lambda item: (-item[1], item[0]))
    types_by_name: dict[str, set] = defaultdict(set)
    names: dict[str, str] = {}
    for speaker in shared:
        types_by_name[name_key(speaker.name)].add(speaker.type)
        names.setdefault(name_key(speaker.name), speaker.name)
    return Figures(
        speakers=len(speakers),
        untyped=sum(s.type is None for s in speakers),
        persons=len(persons),
        glued=sorted(s.name for s in persons if is_glued(s.name, lexicon)),
        top_people=people[:TOP_PEOPLE],
        person_and_organisation=sorted(
            names[key] for key, types in types_by_name.items() if {"person", "organisation"} <= types
        ),
    )


def ingest(path: str, db_path: Path) -> str:
    """Run ``quotecheck ingest --db DB PATH`` in this process; its summary line."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        try:
            ingest_command.main([str(path), "--db", str(db_path)], prog_name="quotecheck ingest", standalone_mode=False)
        except SystemExit as exit_:  # exit code 1 when some input failed: the rest is stored
            if exit_.code not in (0, 1, None):
                raise
    return output.getvalue().strip().splitlines()[-1] if output.getvalue().strip() else ""


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}% ({part}/{whole})" if whole else "n/a"


def report(path: str, figures: Figures, summary: str, show: int) -> None:
    print(f"{path}")
    print(f"  ingest: {summary}")
    print(f"  speaker rows                          {figures.speakers}")
    print(f"  1. untyped share                      {share(figures.untyped, figures.speakers)}")
    print(f"  2. glued-word share of person rows    {share(len(figures.glued), figures.persons)}")
    print(f"  3. rows per person, {TOP_PEOPLE} most quoted     {figures.rows_per_person:.2f}")
    print(f"  4. person names also organisation     {len(figures.person_and_organisation)}")
    if show:
        print(f"  glued: {'; '.join(figures.glued[:show])}")
        for key, quotes, rows in figures.top_people[:show]:
            print(f"  person {key!r}: {quotes} quotes, {len(rows)} rows: {'; '.join(rows)}")
        print(f"  person and organisation: {'; '.join(figures.person_and_organisation[:show])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", metavar="PATH", help="a corpus to ingest (each measured on its own)")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N examples of each figure")
    parser.add_argument("--quick", action="store_true", help="measure the bundled corpus: a check that it works")
    args = parser.parse_args()
    if args.quick:
        args.paths = [str(ROOT / "corpus")]
    if not args.paths:
        parser.error("give a PATH, or --quick")
    lexicon = load_lexicon()
    for path in args.paths:
        with tempfile.TemporaryDirectory(prefix="quotecheck-speakers-") as scratch:
            db_path = Path(scratch) / "quotes.db"
            summary = ingest(path, db_path)
            with Store(db_path) as store:
                speakers = store.speakers(limit=10**9)
            report(path, measure(speakers, lexicon), summary, args.show)


if __name__ == "__main__":
    main()
