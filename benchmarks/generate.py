"""Generate realistic news articles with attributed quotes, and large quotecheck databases built from them.

    python benchmarks/generate.py big.db --quotes 1000000 --speakers 100000 --seed 0
    python benchmarks/generate.py small.db --quick          # seconds: a check that it works (the tests run it)

Other benchmarks import it:

    from benchmarks.generate import build_database, generate_articles, make_speakers
    build_database("big.db", quotes=1_000_000, speakers=100_000, seed=0)

Articles read like wire copy: direct quotes in several quote-mark styles, reported speech, partial quotes,
"according to" organisations, anonymous sources, pronoun follow-ups, roles in appositives. Speakers are drawn
with a long-tailed popularity (a few are quoted thousands of times, most a handful), words with a Zipf
distribution, so full-text and speaker searches meet realistic result sizes.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotecheck.extract.model import Quote  # noqa: E402
from quotecheck.read.model import Article  # noqa: E402
from quotecheck.store import Store  # noqa: E402
from quotecheck.store.bulk import bulk_load  # noqa: E402

FIRST_NAMES = (
    "Angela Linas Marcelino José María Łukasz Søren Zoë François Ingrid Olaf Emmanuel Giorgia Pedro Ana Jens Kaja "
    "Mette Viktor Ursula Roberta Charles Josep Agnieszka Donald Keir Rishi Olena Volodymyr Gabrielius Ingrida Dalia "
    "Kęstutis Miroslav Andrej Zuzana Petr Mateusz Radosław Ewa Beata Kristalina Christine Mario Paolo Matteo Elly "
    "Giuseppe Pablo Yolanda Alberto Santiago Isabel Núria Carles Marine Jordan Édouard Élisabeth Bruno Gérald Rachida "
    "Nancy Kamala Joe Antony Lloyd Janet Jerome Xi Wang Li Narendra Recep Benjamin Yair Gideon Naftali Mahmoud Abdel "
    "Cyril Bola William Samia Uhuru Paul Juan Luiz Gustavo Javier Claudia Andrés Gabriel Sebastián Dina Lula Jair "
    "Anthony Scott Jacinda Chris Fumio Shigeru Yoon Moon Tsai Lai Prabowo Joko Anwar Ferdinand Sara Justin Pierre "
    "Mark Dick Sigrid Frank Magdalena Ulf Petteri Sanna Alexander Kaja Evika Kristrún Bjarni Mary Leo Micheál Simon"
).split()
SURNAME_PARTS = (
    "lin kev ič ius mar cel ino rod ríg uez mer kel sán chez dub rov nik kow al ski nov ák hor vát pet "
    "ers son sen berg strom ham mond wal ker ben net fer rar ini ros si bian chi mül ler sch midt fisch wag "
    "ner bau er zim mer man hof stä dt lé vy gar cía lóp ez mart ín ez gon zál oli vei ra sil va cos ta "
    "tak aha shi yam amo to sat kim park cho nak mur tan ova enko chuk vich dze shvili yan ian oglu"
).split()
ORGANISATIONS = (
    "the Foreign Ministry", "the European Commission", "the Interior Ministry", "NATO", "the United Nations",
    "the World Health Organization", "the Central Bank", "Amnesty International", "the Red Cross",
    "the Defence Ministry", "Human Rights Watch", "the International Monetary Fund", "the Kremlin", "Gazprom",
    "the Border Guard Service", "the Statistics Office", "Eurostat", "the Prosecutor's Office", "Frontex", "UNHCR",
)  # fmt: skip
ANONYMOUS = (
    "a source close to the government", "an official familiar with the matter", "a senior diplomat",
    "one person briefed on the talks", "a European official", "a spokesperson who declined to be named",
    "two people familiar with the negotiations", "a senior military officer",
)  # fmt: skip
COUNTRIES = (
    "Lithuania Latvia Estonia Poland Germany France Spain Italy Sweden Finland Denmark Norway Ukraine Georgia "
    "Hungary Austria Greece Portugal Ireland Belgium Netherlands Romania Bulgaria Croatia Slovakia Czechia"
).split()
ROLES = (
    "the foreign minister of {c}", "{c}'s prime minister", "the president of {c}", "the interior minister",
    "a spokesperson for the ministry", "the opposition leader", "a member of parliament", "the defence minister",
    "the mayor of the capital", "an economist at the central bank", "the head of the border guard",
    "a senior researcher at the university", "the finance minister", "the chief executive", "the ambassador to {c}",
)  # fmt: skip
WORDS = (
    "the government will not accept any new refugees this year because the border is under pressure and we "
    "need more time to prepare a plan that protects our citizens economy inflation prices energy gas war peace "
    "talks sanctions russia ukraine european union migration asylum security defence budget taxes reform "
    "election vote parliament coalition opposition court law justice corruption investigation police army "
    "troops weapons aid support partners allies unity crisis response climate emissions targets growth jobs "
    "workers unions strike wages pensions healthcare hospitals doctors schools teachers students housing rents "
    "banks interest rates debt deficit spending cuts investment trade exports imports tariffs farmers food water "
    "electricity nuclear wind solar pipeline oil transit rail roads infrastructure digital data privacy media "
    "freedom press democracy rights minorities chechen citizens families children women elderly region cities "
    "villages tradition history memory responsibility solution decision agreement proposal negotiations summit "
    "meeting statement position clear unacceptable necessary important difficult possible impossible serious "
    "dangerous stable strong weak fair unfair honest transparent wrong right simply completely absolutely never "
    "always again together today tomorrow yesterday already still soon later now here there which what who when"
).split()


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    type: str
    role: str | None


class _Words:
    """Zipf-distributed words: common ones often, topical ones now and then."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(WORDS))))

    def phrase(self, low: int, high: int) -> str:
        words = self.rng.choices(WORDS, cum_weights=self.cumulative, k=self.rng.randint(low, high))
        return " ".join(words)


def make_speakers(count: int, *, seed: int = 0) -> list[Speaker]:
    """``count`` distinct speakers: about 90% people (accented names included), the rest organisations and
    anonymous sources."""
    rng = random.Random(seed)
    speakers: list[Speaker] = [Speaker(name, "organisation", None) for name in ORGANISATIONS]
    speakers += [Speaker(name, "anonymous", None) for name in ANONYMOUS]
    seen = {s.name for s in speakers}
    while len(speakers) < count:
        last = "".join(rng.choice(SURNAME_PARTS) for _ in range(rng.choice((2, 2, 3, 3, 4)))).capitalize()
        name = f"{rng.choice(FIRST_NAMES)} {last}"
        if name not in seen:
            seen.add(name)
            role = rng.choice(ROLES).format(c=rng.choice(COUNTRIES))
            speakers.append(Speaker(name, "person", role))
    return speakers[:count]


class _ArticleWriter:
    """Builds one article's text piece by piece, so every quote's offsets are known exactly."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.quotes: list[Quote] = []
        self.pieces: dict[int, str] = {}  # start offset -> the piece added there

    def add(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.pieces[start] = text
        self.length += len(text)
        return start, self.length

    def record(self, span, kind, speaker: Speaker, mention, cue: str, role: str | None, confidence: float) -> None:
        text = self.pieces[span[0]]
        self.quotes.append(
            Quote(span[0], span[1], text, kind, speaker.name, speaker.type, role, mention[0], mention[1], cue,
                  round(confidence, 3), "generated")
        )  # fmt: skip

    def text(self) -> str:
        return "".join(self.parts)


def _sentence(words: _Words) -> str:
    return words.phrase(6, 18).capitalize()


def _write_paragraph(
    w: _ArticleWriter, speaker: Speaker, words: _Words, rng: random.Random, first_mention: bool
) -> None:
    """One paragraph quoting ``speaker`` in one of the common wire-copy patterns."""
    confidence = rng.random()
    name = speaker.name
    short = name.split()[-1] if speaker.type == "person" and not first_mention else name
    role = speaker.role if first_mention else None
    role_apposition = f", {role}," if role else ""
    opening, closing = rng.choice((("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb")))
    pattern = rng.randrange(6) if speaker.type == "person" else rng.choice((1, 3))
    if pattern == 0:  # "Words," Name, role, said.
        w.add(opening)
        said = w.add(_sentence(words) + ",")
        w.add(closing + " ")
        mention = w.add(short)
        w.add(f"{role_apposition} said." if role else " said.")
        w.record(said, "direct", speaker, mention, "said", role, confidence)
    elif pattern == 1:  # Name, role, said that clause.
        mention = w.add(short[0].upper() + short[1:])
        w.add(f"{role_apposition} said that ")
        w.record(w.add(words.phrase(8, 20)), "indirect", speaker, mention, "said", role, confidence)
        w.add(".")
    elif pattern == 2:  # Name told reporters the situation was "fragment".
        mention = w.add(short)
        w.add(f"{role_apposition} told reporters the situation was {opening}")
        w.record(w.add(words.phrase(3, 7)), "partial", speaker, mention, "told", role, confidence)
        w.add(f"{closing}.")
    elif pattern == 3:  # According to Name, clause.
        w.add("According to ")
        mention = w.add(short)
        w.add(f", {role}, " if role else ", ")
        w.record(w.add(words.phrase(8, 16)), "indirect", speaker, mention, "according to", role, confidence)
        w.add(".")
    elif pattern == 4:  # Name, role, said: "Words."
        mention = w.add(short)
        w.add(f"{role_apposition} said: {opening}")
        w.record(w.add(_sentence(words) + "."), "direct", speaker, mention, "said", role, confidence)
        w.add(closing)
    else:  # Name spoke after the meeting. "Words," she added.  (pronoun follow-up)
        w.add(short)
        w.add(f"{role_apposition} spoke after the meeting. {opening}")
        said = w.add(_sentence(words) + ",")
        w.add(closing + " ")
        pronoun = w.add(rng.choice(("he", "she")))
        w.add(" added.")
        w.record(said, "direct", speaker, pronoun, "added", role, confidence)


def generate_articles(
    count: int, speakers: list[Speaker], *, quotes_per_article: int = 10, seed: int = 0
) -> Iterator[tuple[Article, list[Quote]]]:
    """``count`` articles, each quoting a few speakers about ``quotes_per_article`` times in total (the true
    attributions come with them)."""
    rng = random.Random(seed)
    words = _Words(rng)
    # Long-tailed popularity: weight 1/rank^0.8 over a shuffled order.
    popularity = list(accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(speakers))))
    order = speakers[:]
    rng.shuffle(order)
    day0 = date(2015, 1, 1)
    outlets = ("LRT", "Reuters", "AP", "AFP", "BNS", "Delfi", "15min", "Politico Europe", "El País", "Le Monde")
    for number in range(1, count + 1):
        w = _ArticleWriter()
        title = _sentence(words)[:80]
        w.add(title + "\n\n")
        cast = rng.choices(order, cum_weights=popularity, k=max(1, quotes_per_article // 3))
        mentioned: set[str] = set()
        target = max(1, round(rng.gauss(quotes_per_article, quotes_per_article / 4)))
        while len(w.quotes) < target:
            speaker = rng.choice(cast)
            _write_paragraph(w, speaker, words, rng, speaker.name not in mentioned)
            mentioned.add(speaker.name)
            w.add(" " + _sentence(words) + ".\n\n")
        published = (day0 + timedelta(days=rng.randrange(3650))).isoformat()
        article = Article(
            text=w.text(), title=title, outlet=rng.choice(outlets), url=f"https://news.example/{number}",
            published=published, source=f"generated:{seed}:{number}",
        )  # fmt: skip
        yield article, w.quotes


def build_database(
    path: str | Path, quotes: int = 1_000_000, speakers: int = 100_000, seed: int = 0, *, reviewed: int = 2000
) -> Path:
    """A new database at ``path`` with about ``quotes`` quotes by ``speakers`` speakers, in articles of about ten
    quotes each, plus ``reviewed`` quotes marked through Store.mark so they have real review history.
    An existing file at ``path`` is replaced."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    pool = make_speakers(speakers, seed=seed)
    per_article = 10
    articles, total = [], 0
    # 5% spare articles, then stop (trimming the last article's quotes) at exactly ``quotes``
    for article, article_quotes in generate_articles(quotes // per_article * 21 // 20 + 1, pool, seed=seed):
        take = article_quotes[: quotes - total]
        articles.append((article, take))
        total += len(take)
        if total >= quotes:
            break
    bulk_load(path, [(s.name, s.type) for s in pool], articles)
    if reviewed:
        rng = random.Random(seed + 1)
        statuses = ("verified", "verified", "verified", "misquoted", "misattributed", "disputed", "unverifiable")
        ratings = (None, None, "true", "mostly-true", "half-true", "mostly-false", "false", "unsupported")
        with Store(path) as store:
            total = store.count_quotes()
            for quote_id in rng.sample(range(1, total + 1), min(reviewed, total)):
                store.mark(quote_id, rng.choice(statuses), rating=rng.choice(ratings),
                           reviewer=rng.choice(("ana", "ben", "chidi")))  # fmt: skip
    return path


def build_huge_article(path: str | Path, quotes: int = 300_000, speakers: int = 500, seed: int = 0) -> Path:
    """A new database at ``path`` holding one article quoting ``speakers`` speakers ``quotes`` times (300,000
    quotes make about 50 MB of text) and, before it, one ordinary article. An existing file is replaced."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    pool = make_speakers(speakers, seed=seed)
    ordinary = next(generate_articles(1, pool, seed=seed + 1))
    # aim past ``quotes`` (the generator draws its count around the target), then cut after the last one wanted
    huge, found = next(generate_articles(1, pool, quotes_per_article=quotes * 3 // 2, seed=seed))
    found = found[:quotes]
    end = huge.text.find("\n", found[-1].end)
    huge = replace(huge, text=huge.text[: end if end >= 0 else None])
    bulk_load(path, [(s.name, s.type) for s in pool], [ordinary, (huge, found)])
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="database file to create (replaced if it exists)")
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reviewed", type=int, default=2000, help="quotes to mark through Store.mark")
    parser.add_argument("--quick", action="store_true",
                        help="a check that the script works, in seconds: 3,000 quotes, 300 speakers, 50 reviewed")
    args = parser.parse_args()
    if args.quick:
        args.quotes, args.speakers, args.reviewed = 3000, 300, 50
    started = time.perf_counter()
    build_database(args.path, quotes=args.quotes, speakers=args.speakers, seed=args.seed, reviewed=args.reviewed)
    size = Path(args.path).stat().st_size
    print(f"{args.path}: {args.quotes:,} quotes, {args.speakers:,} speakers, {size / 1e6:.0f} MB "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
