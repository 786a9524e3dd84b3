from dataclasses import replace

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
