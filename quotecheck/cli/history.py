"""Review history rows in words, for `quotecheck show` and `quotecheck undo`."""

from __future__ import annotations

from quotecheck.store.models import Review, review_value


def describe_review(review: Review) -> str:
    """What one history row changed, e.g. ``status unreviewed -> verified; rating none -> true``."""
    changes = []
    if review.old_status != review.new_status:
        changes.append(f"status {review.old_status or 'none'} -> {review.new_status or 'none'}")
    if review.old_rating != review.new_rating:
        changes.append(f"rating {review.old_rating or 'none'} -> {review.new_rating or 'none'}")
    if review.old_speaker_id != review.new_speaker_id:
        changes.append(f"speaker #{review.old_speaker_id} -> #{review.new_speaker_id}")
    if review.old_name != review.new_name:
        changes.append(f'name "{review.old_name}" -> "{review.new_name}"')
    if review.note is not None or review.old_note is not None:
        changes.append(f'note "{review.note}"' if review.note else "note removed")
    if review.evidence_url is not None or review.old_evidence_url is not None:
        changes.append(f"evidence {review.evidence_url}" if review.evidence_url else "evidence removed")
    if review.old_value is not None or review.new_value is not None:
        changes.append(_value_change(review))
    description = "; ".join(changes)
    return f"{review.action}: {description}" if review.action in ("undo", "merge", "rename") else description


def _gender_shown(value: object) -> str:
    """``female (article)``, ``unknown (reviewer)``: a speaker's gender and where it came from."""
    if not isinstance(value, dict):
        return "none"
    return f"{value.get('gender') or 'unknown'} ({value.get('source') or 'not known'})"


def _value_change(review: Review) -> str:
    """A role, kind or span edit (``role "the mayor" -> none``), or a quote added or deleted whole."""
    before, after = review_value(review.old_value), review_value(review.new_value)
    if isinstance(before, dict) or isinstance(after, dict):
        row = after if isinstance(after, dict) else before
        if "gender" in row:  # a speaker's gender set or cleared by a reviewer, or its undo
            return f"gender {_gender_shown(before)} -> {_gender_shown(after)}"
        if "sha256" in row:  # a deleted article, or its undo
            what = "restored" if review.action == "undo" else "deletion of"
            return f'{what} article #{row["article_id"]} "{row["title"] or "untitled"}"'
        verb = {"add": "added", "delete": "deleted"}.get(review.action) or ("restored" if after else "removed")
        return f'{verb} quote {row["start"]}:{row["end"]} "{row["text"]}"'
    field = "" if review.action == "undo" else f"{review.action} "
    return f"{field}{_shown(before)} -> {_shown(after)}"


def _shown(value: str | tuple[int, int] | None) -> str:
    if value is None:
        return "none"
    if isinstance(value, tuple):
        return f"{value[0]}:{value[1]}"
    return f'"{value}"'
