"""The evaluation report: figures as a dict (the JSON output) and as a table, and examples of errors."""

from __future__ import annotations

from collections.abc import Sequence

from quotecheck.evaluate.gold import KINDS
from quotecheck.evaluate.score import CATEGORIES, DocumentScore, Summary, Tally
from quotecheck.sanitize import printable

CATEGORY_LABELS = {"quoted": "quoted speech", "reported": "reported speech", "all": "all quotes"}
CONTEXT_CHARS = 70
LONG_SPAN_CHARS = 160


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _precision_recall_f1(right: int, gold: int, found: int) -> dict:
    return {
        "precision": _ratio(right, found),
        "recall": _ratio(right, gold),
        "f1": _ratio(2 * right, gold + found),
    }


def tally_figures(tally: Tally) -> dict:
    return {
        "gold": tally.gold,
        "found": tally.found,
        "matched": tally.matched,
        **_precision_recall_f1(tally.matched, tally.gold, tally.found),
        "exact_span_rate": _ratio(tally.exact, tally.matched),
        "speaker_accuracy": _ratio(tally.speaker_right, tally.speaker_judged),
        "name_accuracy": _ratio(tally.name_right, tally.name_judged),
        "names_judged": tally.name_judged,
        "role_accuracy": _ratio(tally.role_right, tally.role_judged),
        "roles_judged": tally.role_judged,
        "end_to_end": end_to_end_figures(tally, tally.end_to_end),
        "end_to_end_name": end_to_end_figures(tally, tally.end_to_end_name),
    }


def end_to_end_figures(tally: Tally, correct: int) -> dict:
    return {
        "gold": tally.gold,
        "found": tally.found,
        "correct": correct,
        **_precision_recall_f1(correct, tally.gold, tally.found),
    }


CALIBRATION_BINS = 10
LOWEST_SHARE = 0.2  # the least-confident fifth of the quotes, where a reviewer starts


def calibration_figures(outcomes: Sequence[tuple[float, bool]]) -> dict:
    """Reliability of ``confidence`` against name-strict correctness: per confidence bin the quotes, their mean
    confidence and the share named right; the expected calibration error (the bins' gaps weighted by size); and
    the share of all name errors that fall among the least-confident 20% of quotes."""
    bins = [[] for _ in range(CALIBRATION_BINS)]
    for confidence, right in outcomes:
        index = min(CALIBRATION_BINS - 1, max(0, int(confidence * CALIBRATION_BINS)))
        bins[index].append((confidence, right))
    table = []
    gap = 0.0
    for index, items in enumerate(bins):
        if not items:
            continue
        mean = sum(c for c, _ in items) / len(items)
        accuracy = sum(r for _, r in items) / len(items)
        gap += len(items) * abs(mean - accuracy)
        table.append({
            "low": index / CALIBRATION_BINS, "high": (index + 1) / CALIBRATION_BINS, "quotes": len(items),
            "mean_confidence": round(mean, 4), "accuracy": round(accuracy, 4),
        })
    ranked = sorted(outcomes, key=lambda item: item[0])
    errors = sum(not right for _, right in ranked)
    lowest = ranked[: round(len(ranked) * LOWEST_SHARE)]
    return {
        "quotes": len(ranked),
        "bins": table,
        "expected_calibration_error": round(gap / len(ranked), 4) if ranked else None,
        "name_errors": errors,
        "errors_in_lowest_fifth": _ratio(sum(not right for _, right in lowest), errors),
    }


def report_dict(summary: Summary, *, files: int, errors: int, seconds: dict[str, float]) -> dict:
    total = summary.total
    return {
        "files": files,
        "unreadable": errors,
        "documents": summary.documents,
        "seconds": {name: round(value, 3) for name, value in seconds.items()},
        **{category: tally_figures(summary.categories[category]) for category in CATEGORIES},
        "all": tally_figures(total),
        "kinds": {
            kind: {
                "gold": tally.gold,
                "gold_matched": tally.gold_matched,
                "recall": _ratio(tally.gold_matched, tally.gold),
                "found": tally.found,
                "found_matched": tally.found_matched,
                "precision": _ratio(tally.found_matched, tally.found),
            }
            for kind, tally in summary.kinds.items()
        },
        "calibration": calibration_figures(summary.confidence_outcomes),
        "ignored_reported_with_partial": summary.ignored,
        "ignored_in_ignore_spans": summary.in_ignore_spans,
        "extra_on_not_speech_spans": summary.extra_on_not_speech,
    }


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def render_table(report: dict) -> str:
    files, documents = report["files"], report["documents"]
    seconds = report["seconds"]
    lines = [
        f"Scored {documents} article{'s' * (documents != 1)} from {files} gold file{'s' * (files != 1)}"
        f" (extraction {seconds['extraction']:.2f} s, scoring {seconds['scoring']:.2f} s)",
        "",
        f"{'':<16}{'gold':>7}{'found':>7}{'match':>7}{'precision':>11}{'recall':>9}{'F1':>8}{'exact':>8}"
        f"{'mention':>9}{'name':>8}{'role':>8}",
    ]
    for key in (*CATEGORIES, "all"):
        f = report[key]
        lines.append(
            f"{CATEGORY_LABELS[key]:<16}{f['gold']:>7}{f['found']:>7}{f['matched']:>7}"
            f"{_percent(f['precision']):>11}{_percent(f['recall']):>9}{_percent(f['f1']):>8}"
            f"{_percent(f['exact_span_rate']):>8}{_percent(f['speaker_accuracy']):>9}"
            f"{_percent(f['name_accuracy']):>8}{_percent(f['role_accuracy']):>8}"
        )
    for key, label in (("end_to_end_name", "span matched and the speaker's name right: the headline"),
                       ("end_to_end", "span matched and the speaker mention right")):
        lines += ["", f"{key.replace('_', ' '):<16}{'gold':>7}{'found':>7}{'right':>7}{'precision':>11}"
                      f"{'recall':>9}{'F1':>8}   ({label})"]
        for category in (*CATEGORIES, "all"):
            e2e = report[category][key]
            lines.append(
                f"{CATEGORY_LABELS[category]:<16}{e2e['gold']:>7}{e2e['found']:>7}{e2e['correct']:>7}"
                f"{_percent(e2e['precision']):>11}{_percent(e2e['recall']):>9}{_percent(e2e['f1']):>8}"
            )
    lines += ["", f"{'by kind':<16}{'gold':>7}{'found':>7}{'recall':>9}{'precision':>11}"]
    for kind in KINDS:
        k = report["kinds"][kind]
        lines.append(
            f"{kind:<16}{k['gold']:>7}{k['found']:>7}{_percent(k['recall']):>9}{_percent(k['precision']):>11}"
        )
    calibration = report["calibration"]
    if calibration["quotes"]:
        lines += ["", f"{'confidence':<16}{'quotes':>7}{'mean':>8}{'named right':>13}"
                      "   (reliability of confidence against the name-strict speaker)"]
        for row in calibration["bins"]:
            lines.append(f"{row['low']:.1f}-{row['high']:.1f}{'':<9}{row['quotes']:>7}{row['mean_confidence']:>8.2f}"
                         f"{_percent(row['accuracy']):>13}")
        errors = calibration["name_errors"]
        share = (
            f"the least-confident 20% of quotes hold {_percent(calibration['errors_in_lowest_fifth'])} of the {errors}"
            " name errors" if errors else "no name errors"
        )
        lines.append(f"expected calibration error {calibration['expected_calibration_error']:.3f}; {share}")
    notes = []
    if report["ignored_in_ignore_spans"]:
        notes.append(
            f"{report['ignored_in_ignore_spans']} unmatched predictions not counted: they lie inside attributed"
            " content the gold does not list (ignore_spans)."
        )
    if report["ignored_reported_with_partial"]:
        notes.append(
            f"{report['ignored_reported_with_partial']} predicted reported-speech spans not counted: "
            "they contain a gold partial quote."
        )
    if report["extra_on_not_speech_spans"]:
        notes.append(
            f"{report['extra_on_not_speech_spans']} extra predictions touch quoted text the gold marks as not speech."
        )
    if report["unreadable"]:
        notes.append(f"{report['unreadable']} gold files or lines could not be read (see the errors above).")
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


# --- examples of errors -------------------------------------------------------------------------------------------


def _clip(text: str) -> str:
    if len(text) > LONG_SPAN_CHARS:
        half = LONG_SPAN_CHARS // 2
        text = f"{text[:half]} … {text[-half:]}"
    return text


def context(text: str, start: int, end: int) -> str:
    """One printable line: the span in ⟦ ⟧ with some text either side."""
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    before = "…" if start > CONTEXT_CHARS else ""
    after = "…" if end + CONTEXT_CHARS < len(text) else ""
    return printable(f"{before}{left}⟦{_clip(text[start:end])}⟧{right}{after}", one_line=True)


def _mention(text: str, start: int | None, end: int | None) -> str | None:
    return None if start is None or end is None else printable(text[start:end], one_line=True)


def _name(name: str | None) -> str | None:
    return None if name is None else printable(name, one_line=True)


def error_examples(scores: Sequence[DocumentScore], limit: int) -> dict[str, dict]:
    """Up to ``limit`` examples of each error type, in document order, with the total of each."""
    missed, extra, wrong = [], [], []
    totals = {"missed": 0, "extra": 0, "wrong_speaker": 0}
    for score in scores:
        doc = score.document
        text = doc.text
        where = {"source": doc.source, "id": doc.id}
        totals["missed"] += len(score.missed)
        totals["extra"] += len(score.extra)
        wrong_matches = [m for m in score.matches if m.name_right is False]  # name-strict, as the headline
        totals["wrong_speaker"] += len(wrong_matches)
        for g in score.missed[: max(0, limit - len(missed))]:
            missed.append(
                {**where, "kind": g.kind, "start": g.start, "end": g.end, "speaker": _name(g.speaker),
                 "context": context(text, g.start, g.end)}
            )
        for q in score.extra[: max(0, limit - len(extra))]:
            extra.append(
                {**where, "kind": q.kind, "start": q.start, "end": q.end, "speaker": _name(q.speaker),
                 "rule": q.rule, "confidence": q.confidence, "context": context(text, q.start, q.end)}
            )
        for m in wrong_matches[: max(0, limit - len(wrong))]:
            g, q = m.gold, m.predicted
            wrong.append(
                {**where, "kind": g.kind, "start": g.start, "end": g.end,
                 "gold_speaker": _name(g.speaker), "gold_mention": _mention(text, g.speaker_start, g.speaker_end),
                 "predicted_speaker": _name(q.speaker),
                 "predicted_mention": _mention(text, q.mention_start, q.mention_end),
                 "rule": q.rule, "context": context(text, g.start, g.end)}
            )
    return {
        "missed": {"total": totals["missed"], "examples": missed},
        "extra": {"total": totals["extra"], "examples": extra},
        "wrong_speaker": {"total": totals["wrong_speaker"], "examples": wrong},
    }


def render_examples(examples: dict[str, dict]) -> str:
    headings = {
        "missed": "Missed: gold quotes the extractor did not find",
        "extra": "Extra: predicted quotes that match no gold quote",
        "wrong_speaker": "Wrong speaker: matched quotes whose stored speaker does not name the gold's person",
    }
    lines = []
    for key, heading in headings.items():
        group = examples[key]
        shown = len(group["examples"])
        lines += ["", f"{heading} ({shown} of {group['total']} shown)"]
        for item in group["examples"]:
            label = f"  {printable(item['source'], one_line=True)} @{item['start']}-{item['end']} {item['kind']}"
            if key == "missed":
                label += f", speaker {item['speaker'] or '(none)'}"
            elif key == "extra":
                label += f", speaker {item['speaker'] or '(none)'}, rule {item['rule'] or '?'}"
            else:
                gold = item["gold_speaker"] or item["gold_mention"]
                if item["gold_mention"] and item["gold_mention"] != item["gold_speaker"]:
                    gold = f"{gold} [{item['gold_mention']}]"
                predicted = item["predicted_speaker"] or "(none)"
                if item["predicted_mention"] and item["predicted_mention"] != item["predicted_speaker"]:
                    predicted = f"{predicted} [{item['predicted_mention']}]"
                label += f": gold {gold}, predicted {predicted} (rule {item['rule'] or '?'})"
            lines += [label, f"    {item['context']}"]
    return "\n".join(lines)
