"""Store.add_article: what is stored, dedupe by text, one transaction per article, untrusted text."""

from __future__ import annotations

import pytest

from quotecheck.extract.model import Quote
from quotecheck.read.model import Article
from quotecheck.store import QuoteFilter, Store, StoreError

from .builders import add_said, quote_in

TEXT = (
    "Lithuania will not hand over the Chechens, Linas Linkevičius, the foreign minister, said on Tuesday. "
    '"We see no grounds for it," he told reporters. According to a source close to the government, '
    "talks continue."
)


def _quotes() -> list[Quote]:
    return [
        quote_in(TEXT, "Lithuania will not hand over the Chechens", speaker="Linas Linkevičius", kind="indirect",
                 mention="Linas Linkevičius", role="the foreign minister", confidence=0.91, rule="appositive"),
        quote_in(TEXT, "We see no grounds for it", speaker="Linas Linkevičius", mention=" he ", cue="told",
                 confidence=0.7, rule="pronoun"),
        quote_in(TEXT, "talks continue.", speaker="a source close to the government", speaker_type="anonymous",
                 kind="indirect", mention="a source close to the government", cue="according to"),
    ]  # fmt: skip


def test_article_and_every_quote_field_are_stored(store):
    article = Article(TEXT, title="Chechens stay", outlet="LRT", url="https://lrt.example/1", published="2004-02-03",
                      source="in/lrt.txt", external_id="lrt-1")  # fmt: skip
    result = store.add_article(article, _quotes())
    assert result.new and result.quotes_added == 3 and result.speakers_new == 2

    stored = store.article(result.article_id)
    assert (stored.title, stored.outlet, stored.url, stored.published, stored.text, stored.source) == (
        "Chechens stay", "LRT", "https://lrt.example/1", "2004-02-03", TEXT, "in/lrt.txt")  # fmt: skip
    assert len(stored.sha256) == 64 and stored.ingested_at.endswith("Z")

    first, second, third = store.article_quotes(result.article_id)
    assert first.text == TEXT[first.start : first.end] == "Lithuania will not hand over the Chechens"
    assert (first.kind, first.speaker, first.speaker_type, first.role, first.cue, first.confidence, first.rule) == (
        "indirect", "Linas Linkevičius", "person", "the foreign minister", "said", 0.91, "appositive")  # fmt: skip
    assert TEXT[first.mention_start : first.mention_end] == "Linas Linkevičius"
    assert TEXT[second.mention_start : second.mention_end] == " he "
    assert second.speaker_id == first.speaker_id and second.role is None
    assert third.speaker_type == "anonymous"
    assert (first.status, first.rating, first.version, first.outlet, first.published, first.article_title) == (
        "unreviewed", None, 1, "LRT", "2004-02-03", "Chechens stay")  # fmt: skip


def test_reingesting_the_same_text_is_a_no_op(store):
    first = store.add_article(Article(TEXT, source="a.txt"), _quotes())
    again = store.add_article(Article(TEXT, source="copy-of-a.txt", title="other title"), _quotes())
    assert not again.new and again.article_id == first.article_id
    assert (again.quotes_added, again.speakers_new) == (0, 0)
    assert store.count_quotes() == 3 and store.stats().articles == 1


def test_article_without_quotes_is_stored(store):
    result = store.add_article(Article("No quotes here at all."), [])
    assert result.new and result.quotes_added == 0
    assert store.article_quotes(result.article_id) == []


@pytest.mark.parametrize(
    "bad, message",
    [
        (Quote(0, 5, "wrong", "direct"), "do not match"),
        (Quote(0, 9999, "x", "direct"), "do not match"),
        (Quote(0, 9, TEXT[:9], "shouted"), "unknown kind"),
        (Quote(0, 9, TEXT[:9], "direct", speaker="X Y", speaker_type="robot"), "unknown speaker type"),
        (Quote(0, 9, TEXT[:9], "direct", confidence=float("nan")), "confidence"),
        (Quote(0, 9, TEXT[:9], "direct", mention_start=5, mention_end=None), "mention offsets"),
    ],
)
def test_a_bad_quote_rejects_the_whole_article_and_stores_nothing(store, bad, message):
    with pytest.raises(StoreError, match=message) as error:
        store.add_article(Article(TEXT), [*_quotes(), bad])
    assert str(error.value).startswith("quote 4: ")
    assert store.stats().articles == 0 and store.count_quotes() == 0 and store.speakers() == []
    # the store is still usable, and the speaker index was not left holding rolled-back speakers
    assert store.add_article(Article(TEXT), _quotes()).speakers_new == 2


def test_text_that_is_not_valid_unicode_is_a_one_line_error(store):
    bad = "A lone surrogate \udc80 from a JSON escape"
    with pytest.raises(StoreError, match="article: invalid Unicode .* at character 17"):
        store.add_article(Article(bad), [])
    with pytest.raises(StoreError, match="quote 1: invalid Unicode"):
        store.add_article(Article(TEXT), [quote_in(TEXT, "talks continue.", speaker="Ann \udc80 Lee")])
    assert store.stats().articles == 0


def test_speakers_are_shared_across_articles_and_counted(store):
    add_said(store, "Angela Merkel", "We will manage this")
    result, record = add_said(store, "Angela Merkel", "Europe must stand together")
    assert result.speakers_new == 0
    [merkel] = store.speakers()
    assert merkel.name == "Angela Merkel" and merkel.quote_count == 2 and "Merkel" in merkel.aliases


def test_quotes_without_a_speaker(store):
    text = 'The sign read: "Keep out".'
    result = store.add_article(Article(text), [quote_in(text, "Keep out")])
    [record] = store.article_quotes(result.article_id)
    assert record.speaker is None and record.speaker_id is None and record.speaker_type is None


UNTRUSTED = [
    "Robert'); DROP TABLE quotes;--",
    'He said "20% (citation needed" AND OR NOT * NEAR(',
    "\x1b[31mred\x1b[0m and a NUL \x00 byte",
    "emoji 🇱🇹 and RTL \u202eevil\u202c and combining e\u0301",
]


@pytest.mark.parametrize("words", UNTRUSTED)
def test_untrusted_text_round_trips_exactly(store, words):
    speaker = "O'Brien-Smith \"the\" Younger"
    _, record = add_said(store, speaker, words)
    again = store.quote(record.id)
    assert again.text == words and again.speaker == speaker
    assert store.article(record.article_id).text[again.start : again.end] == words
    assert store.quotes(QuoteFilter(text=words)) is not None  # searching for it never raises


def test_published_date_orders_the_default_listing(store):
    add_said(store, "Ann Lee", "third", published="2024-03-01")
    add_said(store, "Ann Lee", "first", published=None)
    add_said(store, "Ann Lee", "second", published="2023-12-31")
    assert [q.text for q in store.quotes()] == ["first", "second", "third"]



def test_stored_article_id_finds_exactly_the_same_text(tmp_path):
    with Store(tmp_path / "q.db") as store:
        text = "The mayor said the bridge would reopen in May."
        assert store.stored_article_id(text) is None
        article_id = store.add_article(Article(text=text), []).article_id
        assert store.stored_article_id(text) == article_id
        assert store.stored_article_id(text + " ") is None


def test_new_metadata_for_a_stored_text_updates_the_article_and_its_quotes_dates(tmp_path):
    with Store(tmp_path / "q.db") as store:
        first = store.add_article(Article(text=TEXT, title="Old", outlet="LRT", published="2017-05-19"), _quotes())
        assert not store.update_article_metadata(first.article_id, Article(text=TEXT, title="Old"))
        assert store.update_article_metadata(first.article_id, Article(text=TEXT, published="2017-05-20"))
        assert {record.published for record in store.quotes()} == {"2017-05-20"}
        with pytest.raises(StoreError):
            store.update_article_metadata(first.article_id, Article(text=TEXT, title="bad \ud800 surrogate"))
        # the same text twice in one batch: the second copy's metadata wins, nothing is stored twice
        (again, twice) = store.add_articles([(Article(text=TEXT, title="Newer"), []),
                                             (Article(text=TEXT, title="Newest", outlet="BNS"), [])])  # fmt: skip
        assert (again.new, again.updated, twice.updated) == (False, True, True)
        article = store.article(first.article_id)
        assert (article.title, article.outlet, article.published) == ("Newest", "BNS", "2017-05-20")
        assert store.count_quotes() == 3


def test_co_speakers_are_stored_and_survive_a_delete_and_undo(store):
    text = '"We disagree," said Rosa Diaz and Ben Cole.'
    quote = Quote(1, 12, "We disagree", "direct", speaker="Rosa Diaz", speaker_type="person",
                  co_speakers=("Ben Cole", " Ada  Lin "))  # fmt: skip
    result = store.add_article(Article(text), [quote])
    (stored,) = store.article_quotes(result.article_id)
    assert (stored.speaker, stored.co_speakers) == ("Rosa Diaz", ("Ben Cole", "Ada Lin"))
    store.delete_quote(stored.id, reviewer="ed")
    store.undo(reviewer="ed")
    assert store.article_quotes(result.article_id)[0].co_speakers == ("Ben Cole", "Ada Lin")


def test_co_speakers_that_are_not_names_reject_the_article(store):
    quote = Quote(0, 9, TEXT[:9], "direct", speaker="Rosa Diaz", co_speakers=(3,))
    with pytest.raises(StoreError, match="quote 1: co-speakers"):
        store.add_article(Article(TEXT), [quote])
