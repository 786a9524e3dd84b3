"""extract() keeps its contract on any input: offsets in range, text equal to the slice, sorted, valid values."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecheck.extract import extract

KINDS = {"direct", "partial", "indirect"}
SPEAKER_TYPES = {"person", "organisation", "anonymous", None}

QUOTE_MARKS = list("\"'“”‘’«»„‚‹›「」『』`´″") + ["''", "``", "\"\"", "“”"]
CUE_WORDS = ["said", "says", "told", "according to", "added", "warned", "he", "she", "they", "that", "Mr.", "Ms",
             "Dr.", "the minister", "a spokesperson", "Smith", "Anna Smith,", "President", "who", "—", "-", ":", ",",
             ".", "\n", "\n\n", " ", "  ", "\t", "'s", "not", "asked", "claimed", "thinks", "so-called"]
WORDS = ["We", "will", "win", "the", "vote", "never", "again", "Lithuania", "Ruth", "Øyvind", "Ясно", "北京", "مرحبا",
         "🙂", "e\u0301", "\u200b", "\ufeff", "\x00", "\x1b[31m", "\u202e", "\r\n", "\r"]

prose_like = st.lists(st.sampled_from(QUOTE_MARKS + CUE_WORDS + WORDS), max_size=80).map(" ".join)
glued = st.lists(st.sampled_from(QUOTE_MARKS + CUE_WORDS + WORDS), max_size=80).map("".join)
any_text = st.text(alphabet=st.characters(), max_size=400)
mixed = st.lists(st.one_of(any_text, prose_like, glued), min_size=1, max_size=4).map("".join)


def check_contract(text: str) -> None:
    quotes = extract(text)
    assert isinstance(quotes, list)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert q.kind in KINDS
        assert q.speaker_type in SPEAKER_TYPES
        assert 0.0 <= q.confidence <= 1.0
        assert (q.mention_start is None) == (q.mention_end is None)
        if q.mention_start is not None:
            assert 0 <= q.mention_start <= q.mention_end <= len(text)
        assert q.speaker is None or isinstance(q.speaker, str)
        assert q.role is None or isinstance(q.role, str)


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(any_text)
def test_any_unicode_text(text):
    check_contract(text)


@FAST
@given(prose_like)
def test_quote_marks_and_cue_words_in_prose(text):
    check_contract(text)


@FAST
@given(glued)
def test_quote_marks_and_cue_words_glued_together(text):
    check_contract(text)


@FAST
@given(mixed)
def test_mixtures(text):
    check_contract(text)


MB = 1_000_000
PATHOLOGICAL = {
    "empty": "",
    "one space": " ",
    "one quote mark": '"',
    "quote marks of mixed styles, 1 MB": ("\"“”‘’«»„'" * (MB // 9 + 1))[:MB],
    # sizes below keep the suite fast; benchmarks/extract_speed.py times megabyte-sized versions
    "unbalanced opening marks": ('He said "we will ' * 1_200),
    "unbalanced closing marks": ('we will win" he said. ' * 1_000),
    "one 100,000-character line": ("word " * 20_000)[:100_000],
    "one 100,000-character quote": '"' + "a" * 100_000 + '," she said.',
    "control characters": "".join(chr(c) for c in range(32)) * 2000 + '"x," he said.',
    "mixed scripts": ("Она сказала «привет». 他说“你好”。 قال \"مرحبا\". Er sagte „Hallo“. " * 1000),
    "cue words only": ("said told according to warned " * 3_000),
    "deep nesting": ("“‘«" * 5000) + "x" + ("»’”" * 5000),
    "newlines only": "\n" * 100_000,
    "one-word lines (read as hard-wrapped)": "word\n" * 50_000,
    "typewriter pairs": "''a'' " * 20_000,
    "typewriter openers only": "``a ''b " * 20_000,
    "surrogate-free astral symbols": "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 “🙂” said 👩‍👩‍👧. " * 1000,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_inputs(name):
    check_contract(PATHOLOGICAL[name])


@pytest.mark.parametrize("collecting", [True, False])
def test_the_garbage_collector_is_left_as_it_was(collecting, monkeypatch):
    """extract() pauses the cyclic garbage collector while it reads a text and restores it, also on an error."""
    import gc
    import importlib

    package = importlib.import_module("quotecheck.extract")
    was = gc.isenabled()
    try:
        (gc.enable if collecting else gc.disable)()
        seen = []
        monkeypatch.setattr(package, "extract_quotes", lambda text: seen.append(gc.isenabled()) or [])
        extract('"We won," she said.')
        assert seen == [False] and gc.isenabled() is collecting

        def fail(text):
            raise RuntimeError("boom")

        monkeypatch.setattr(package, "extract_quotes", fail)
        with pytest.raises(RuntimeError):
            extract("text")
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()
