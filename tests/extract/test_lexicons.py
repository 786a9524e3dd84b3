"""The word lists are data: every file in lexicon/ is loaded by lexicons.py and says what it lists."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from quotecheck.extract import lexicons
from quotecheck.extract.lexicons import ABBREVIATED_TITLES, TITLES, time_words

LEXICON = Path(str(resources.files("quotecheck.extract") / "lexicon"))


def test_every_word_list_is_loaded_and_documented():
    # (the source beside the module: a compiled module's __file__ is its .so)
    source = Path(lexicons.__file__).with_name("lexicons.py").read_text(encoding="utf-8")
    for path in sorted(LEXICON.glob("*.txt")):
        assert f'"{path.name}"' in source, f"{path.name} is not loaded by lexicons.py"
        assert path.read_text(encoding="utf-8").startswith("#"), f"{path.name} has no comment saying what it lists"


def test_titles_written_with_a_dot_are_abbreviations():
    assert "Sen" in ABBREVIATED_TITLES and "Senator" not in ABBREVIATED_TITLES
    assert TITLES["sen"] == "" and TITLES["mrs"] == "female"


def test_time_words_by_kind():
    assert time_words("weekday") == {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    assert "yesterday" in time_words("day") and "yesterday" not in time_words("weekday")


@pytest.mark.parametrize("name, gender, certain", [("steve", "male", True), ("robin", "female", False), ("xq", None, False)])
def test_first_names_say_how_sure_their_gender_is(name, gender, certain):
    assert (lexicons.FIRST_NAMES.get(name), lexicons.FIRST_NAMES.certain(name)) == (gender, certain)


def test_no_cue_phrase_starting_inside_another_runs_past_its_end():
    # cues._cue_matches merges two scans on this promise: a cue found inside a phrase the other scan found never
    # runs on past that phrase, so dropping it gives what one scan would
    from quotecheck.extract.lexicons import CUE_PHRASES

    for phrase in CUE_PHRASES:
        for inner in range(1, len(phrase)):
            if phrase[inner - 1] == " ":
                rest = phrase[inner:] + " "
                assert not any(other.startswith(rest) for other in CUE_PHRASES), (phrase, rest)


def test_a_cue_phrase_inside_a_text_is_found_once_with_the_merged_scans():
    from quotecheck.extract.cues import _cue_matches

    text = "(He went on to say it), said Ann, and she pointed out that -- according to him -- it was late."
    assert [m.group().lstrip(" (-") for m in _cue_matches(text, [])] == [
        "went on to say", "said", "pointed out", "according to",
    ]
