"""Review history rows in words, for `quotecheck show` and `quotecheck undo`."""

from __future__ import annotations

from quotecheck.store.models import Review


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
    description = "; ".join(changes)
    return f"{review.action}: {description}" if review.action in ("undo", "merge", "rename") else description
