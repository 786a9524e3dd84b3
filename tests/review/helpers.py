"""Small deterministic review databases, built through the real Store from short texts with hand-made quotes
(so the tests and snapshots do not move when the extractor improves)."""

from __future__ import annotations

from pathlib import Path

from quotecheck.extract.model import Quote
from quotecheck.read.model import Article
from quotecheck.review.app import ReviewApp
from quotecheck.store import Store

HARBOUR = (
    "Harbour deal agreed after long talks\n"
    "The harbour authority agreed a new deal with shipping firms on Tuesday.\n"
    "\"Our port will stay open all winter,\" said Maria Lopez, the harbour master.\n"
    "She said fees would rise by five percent next year.\n"
    "Critics were unconvinced. \"This is a giveaway [bold]to shipping firms[/bold],\" said Tom Reed, a local councillor.\n"
    "According to the Port Users Association, the deal was \"overdue and welcome\".\n"
)
LIBRARY = (
    "Library to open on Sundays\n"
    "The town library will open on Sundays from May.\n"
    "\"People asked for it for years [link=https://evil.example]click[/link],\" said Ann Park, the head librarian.\n"
    "A source close to the council said the cost was not yet known.\n"
    "\"We will find the money,\" Tom Reed said.\n"
)


def quote(text: str, quoted: str, kind: str, speaker: str | None, mention: str | None, *, role: str | None = None,
          speaker_type: str = "person", cue: str | None = "said", confidence: float = 0.9, rule: str = "test-rule",
          occurrence: int = 0) -> Quote:  # fmt: skip
    start = text.index(quoted)
    mention_start = None
    if mention is not None:
        mention_start = -1
        for _ in range(occurrence + 1):
            mention_start = text.index(mention, mention_start + 1)
    return Quote(
        start=start, end=start + len(quoted), text=quoted, kind=kind, speaker=speaker,
        speaker_type=speaker_type if speaker else None, role=role, mention_start=mention_start,
        mention_end=None if mention is None else mention_start + len(mention), cue=cue, confidence=confidence,
        rule=rule,
    )  # fmt: skip


def harbour_quotes() -> list[Quote]:
    t = HARBOUR
    return [
        quote(t, "Our port will stay open all winter,", "direct", "Maria Lopez", "Maria Lopez",
              role="the harbour master", rule="direct-said-name", confidence=0.95),
        quote(t, "fees would rise by five percent next year", "indirect", "Maria Lopez", "She",
              role="the harbour master", rule="pronoun-previous-speaker", confidence=0.6),
        quote(t, "This is a giveaway [bold]to shipping firms[/bold],", "direct", "Tom Reed", "Tom Reed",
              role="a local councillor", rule="direct-said-name", confidence=0.9),
        quote(t, "overdue and welcome", "partial", "Port Users Association", "the Port Users Association",
              speaker_type="organisation", cue="according to", rule="according-to", confidence=0.4),
    ]  # fmt: skip


def library_quotes() -> list[Quote]:
    t = LIBRARY
    return [
        quote(t, "People asked for it for years [link=https://evil.example]click[/link],", "direct", "Ann Park",
              "Ann Park", role="the head librarian", rule="direct-said-name", confidence=0.92),
        quote(t, "the cost was not yet known", "indirect", "a source close to the council",
              "A source close to the council", speaker_type="anonymous", rule="anonymous-source", confidence=0.7),
        quote(t, "We will find the money,", "direct", "Tom Reed", "Tom Reed", rule="direct-name-said", confidence=0.85),
    ]  # fmt: skip


def build(path: Path) -> Path:
    with Store(path) as store:
        store.add_article(Article(HARBOUR, title="Harbour deal agreed after long talks", outlet="Coast Herald",
                                  published="2024-03-01", url="https://coast.example/harbour"), harbour_quotes())
        store.add_article(Article(LIBRARY, title="Library to open on [i]Sundays[/i]", outlet="Town Crier",
                                  published="2024-03-02"), library_quotes())  # fmt: skip
    return path


def make_app(store: Store, tmp_path: Path, **options) -> ReviewApp:
    return ReviewApp(store, reviewer="alice", export_dir=tmp_path, keymap_file=tmp_path / "no-keymap.toml", **options)


async def settle(pilot) -> None:
    """Wait until every page, count and detail load has arrived and been drawn."""
    for _ in range(20):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            break
    await pilot.pause()


async def open_speakers(pilot):
    """Open the speakers screen from the queue and return its SpeakerList."""
    from quotecheck.review.screens.speakers import SpeakersScreen
    from quotecheck.review.widgets.speaker_list import SpeakerList

    await settle(pilot)
    await pilot.press("s")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SpeakersScreen)
    return pilot.app.screen.query_one(SpeakerList)


# One quote in three later stories: word for word in two, with a word added and another speaker in the third.
FEES = "The new fees will hurt every small fishing boat in the harbour [b]this winter[/b],"
FEES_BIGGER = "The new fees will hurt every small fishing boat in the big harbour [b]this winter[/b],"
# Maria Lopez's briefing has her quote word for word; Tom Reed's speech says "cash" where the library story says
# "money".
LOPEZ_BRIEFING = "Harbour briefing, 1 March\nOur port will stay open all winter, and the fees will rise.\n"
REED_SPEECH = "Council speech\nWe will find the cash, believe me.\nThis is a giveaway [bold]to shipping firms[/bold], I said.\n"


def add_versions_and_sources(store: Store) -> None:
    """Three later articles with versions of one quote (two exact copies), and sources for Maria Lopez and Tom
    Reed."""
    for outlet, published, words, speaker in (
        ("Wire", "2024-03-03", FEES, "Tom Reed"),
        ("Gazette", "2024-03-04", FEES_BIGGER, "Ann Park"),
        ("Ledger", "2024-03-05", FEES, "Tom Reed"),
    ):
        text = f'{outlet} news\n"{words}" said {speaker}.\n'
        store.add_article(Article(text, title=f"{outlet} news", outlet=outlet, published=published),
                          [quote(text, words, "direct", speaker, speaker, rule="direct-said-name")])  # fmt: skip
    speakers = {record.name: record.id for record in store.speakers(limit=100)}
    store.add_source(speakers["Maria Lopez"], LOPEZ_BRIEFING, title="Harbour briefing", path="briefing.txt")
    store.add_source(speakers["Tom Reed"], REED_SPEECH, title="Council speech", path="speech.txt")
