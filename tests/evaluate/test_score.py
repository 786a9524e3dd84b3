from dataclasses import replace

import pytest

from quotecheck.evaluate.gold import GoldDocument, GoldQuote
from quotecheck.evaluate.report import report_dict
from quotecheck.evaluate.score import score_document, summarize
from quotecheck.extract.model import Quote

TEXT = (
    'Ms Demir said the talks were "going well" and that more was needed. '
    '"We will act," she said. The minister warned that costs would rise sharply.'
)


def span(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def gold_quote(fragment, kind, speaker, mention=None):
    start, end = span(fragment)
    m_start, m_end = span(mention) if mention else (None, None)
    return GoldQuote(start, end, kind, speaker, m_start, m_end)


DOC = GoldDocument(
    id="doc",
    source="doc.jsonl:1",
    text=TEXT,
    quotes=(
        gold_quote("going well", "partial", "Ms Demir", "Ms Demir"),
        gold_quote("We will act,", "direct", "she", "she"),
        gold_quote("costs would rise sharply", "indirect", "The minister", "The minister"),
    ),
)


def predicted(fragment, kind, speaker=None, mention=None):
    start, end = span(fragment)
    m_start, m_end = span(mention) if mention else (None, None)
    return Quote(start, end, TEXT[start:end], kind, speaker, "person", None, m_start, m_end, "said", 0.9, "test")


def test_gold_as_prediction_scores_perfectly():
    quotes = [predicted(TEXT[g.start:g.end], g.kind, g.speaker, TEXT[g.speaker_start:g.speaker_end])
              for g in DOC.quotes]
    report = report_dict(summarize([score_document(DOC, quotes)]), files=1, errors=0,
                         seconds={"extraction": 0, "scoring": 0})
    for key in ("quoted", "reported", "all"):
        assert report[key]["precision"] == report[key]["recall"] == report[key]["f1"] == 1.0
        assert report[key]["exact_span_rate"] == report[key]["speaker_accuracy"] == 1.0
    assert report["all"]["end_to_end"]["f1"] == 1.0


def test_trimmed_overlap_and_speaker_by_mention_or_name():
    quotes = [
        predicted('"We will act," she', "direct", "Zuhal Demir", "she"),  # too long: 12 of 19 chars -> still >= .5
        predicted("going well", "direct", "Zuhal Demir", "Ms Demir"),  # kind differs inside quoted speech: fine
        predicted("costs would rise", "indirect", "Someone Else", "Ms Demir"),  # 16/24 overlap, wrong speaker
    ]
    score = score_document(DOC, quotes)
    assert len(score.matches) == 3 and not score.missed and not score.extra
    by_kind = {m.gold.kind: m for m in score.matches}
    assert by_kind["direct"].speaker_right and by_kind["partial"].speaker_right
    assert by_kind["indirect"].speaker_right is False
    assert not by_kind["indirect"].exact and by_kind["partial"].exact
    summary = summarize([score])
    assert summary.total.end_to_end == 2
    assert summary.kinds["partial"].gold_matched == 1 and summary.kinds["direct"].found_matched == 2


def test_low_overlap_and_wrong_category_do_not_match():
    quotes = [
        predicted("costs would", "indirect"),  # 11/24 < .5
        predicted("We will act,", "indirect"),  # reported speech never matches quoted speech
    ]
    score = score_document(DOC, quotes)
    assert not score.matches
    assert len(score.missed) == 3 and len(score.extra) == 2


def test_one_to_one_matching_prefers_the_best_overlap():
    weaker = predicted("costs would rise", "indirect")
    best = predicted("costs would rise sharply", "indirect")
    score = score_document(DOC, [weaker, best])
    [match] = score.matches
    assert match.predicted == best
    assert score.extra == (weaker,)


def test_reported_clause_around_a_gold_partial_is_not_counted():
    clause = predicted('the talks were "going well"', "indirect", "Ms Demir", "Ms Demir")
    score = score_document(DOC, [clause])
    assert score.ignored == (clause,)
    assert not score.extra and not score.matches
    assert summarize([score]).total.found == 0


def test_gold_without_speaker_is_not_judged_on_speaker():
    doc = replace(DOC, quotes=(replace(DOC.quotes[1], speaker=None, speaker_start=None, speaker_end=None),))
    score = score_document(doc, [predicted("We will act,", "direct", "Anyone")])
    assert score.matches[0].speaker_right is None
    summary = summarize([score])
    assert summary.total.speaker_judged == 0 and summary.total.end_to_end == 1


def test_extra_predictions_on_not_speech_spans_are_counted():
    doc = replace(DOC, quotes=DOC.quotes[1:], not_speech=(span("going well"),))
    score = score_document(doc, [predicted("going well", "direct")])
    assert summarize([score]).extra_on_not_speech == 1


from quotecheck.evaluate.gold import ANTECEDENT, CANONICAL, MENTION  # noqa: E402
from quotecheck.evaluate.report import calibration_figures  # noqa: E402


def quote_said_by(speaker, role=None, confidence=0.9, mention="she"):
    start, end = span("We will act,")
    m_start, m_end = span(mention)
    return Quote(start, end, TEXT[start:end], "direct", speaker, "person", role, m_start, m_end, "said",
                 confidence, "test")


@pytest.mark.parametrize(
    "gold_name, basis, predicted_name, mention_right, name_right",
    [
        ("Zuhal Demir", CANONICAL, "Zuhal Demir", True, True),
        ("Zuhal Demir", CANONICAL, "Demir", True, False),  # the mention overlaps, but the name is not canonical
        ("Zuhal Demir", CANONICAL, "Karen Ellemann", True, False),  # "she" resolved to the wrong person
        ("Demir", ANTECEDENT, "Zuhal Demir", True, True),
        ("Ms Demir", MENTION, "Ms Demir said", True, False),  # a glued word
        ("she", None, None, True, True),  # no name in the gold: the mention rule
    ],
)
def test_name_strict_judgement(gold_name, basis, predicted_name, mention_right, name_right):
    start, end = span("We will act,")
    m_start, m_end = span("she")
    gold = GoldQuote(start, end, "direct", gold_name, m_start, m_end, basis)
    document = replace(DOC, quotes=(gold,))
    match = score_document(document, [quote_said_by(predicted_name)]).matches[0]
    assert match.speaker_right is mention_right
    assert match.name_right is name_right


def test_roles_co_speakers_and_not_speech():
    start, end = span("We will act,")
    gold = GoldQuote(start, end, "direct", "Zuhal Demir", None, None, CANONICAL, co_speakers=("Karen Ellemann",),
                     roles=("Belgian state secretary for opportunities",))
    document = replace(DOC, quotes=(gold,))
    match = score_document(document, [quote_said_by("Karen Ellemann", "state secretary")]).matches[0]
    assert match.name_right is True and match.role_right is False
    match = score_document(document, [quote_said_by("Zuhal Demir", "Belgian state secretary for opportunities")])
    assert match.matches[0].role_right is True
    not_speech = replace(document, quotes=(replace(gold, not_speech=True),))
    assert score_document(not_speech, [quote_said_by("Nobody")]).matches[0].name_right is None


def test_predictions_inside_ignore_spans_are_neither_right_nor_wrong():
    start, end = span("costs would rise sharply")
    document = replace(DOC, quotes=(), ignore=((start - 5, end),))
    inside = predicted("costs would rise sharply", "indirect", "The minister", "The minister")
    outside = predicted("the talks were", "indirect", "Ms Demir", "Ms Demir")
    score = score_document(document, [inside, outside])
    assert score.in_ignore_spans == (inside,) and score.extra == (outside,)
    assert summarize([score]).categories["reported"].found == 1


def test_calibration_figures():
    outcomes = [(0.95, True)] * 8 + [(0.95, False)] * 2 + [(0.35, False)] * 3 + [(0.35, True)] * 2
    figures = calibration_figures(outcomes)
    assert [(row["low"], row["quotes"]) for row in figures["bins"]] == [(0.3, 5), (0.9, 10)]
    assert figures["bins"][0]["accuracy"] == 0.4 and figures["bins"][1]["accuracy"] == 0.8
    # |0.35 - 0.4| * 5 + |0.95 - 0.8| * 10 over 15 quotes
    assert figures["expected_calibration_error"] == round((0.05 * 5 + 0.15 * 10) / 15, 4)
    assert figures["name_errors"] == 5 and figures["errors_in_lowest_fifth"] == 0.6  # 3 of the 5, in 3 quotes
    assert calibration_figures([])["expected_calibration_error"] is None
