"""Datasette metadata for a quotecheck database: what each table and column means, labels for foreign keys,
search, facets and canned queries (``quotecheck datasette-metadata``). It lives in the store because it
describes the store's schema and holds SQL; tests/store/test_datasette.py checks it against a real database.

Datasette opens the file read-only (``mode=ro``), so browsing never writes to it; the speakers' search index and
the ``quote_rows`` view it uses come from migration 7."""

from __future__ import annotations

from typing import Any

from quotecheck.store.models import CLAIM_TYPES, RATINGS, SPEAKER_TYPES, STATUSES

STATUS_TEXT = ", ".join(STATUSES)
QUOTE_COLUMNS = {
    "id": "Quote id; also its row in the full-text index",
    "article_id": "The article the quote is in",
    "speaker_id": "Who said it (NULL when no speaker was found)",
    "speaker_name": "The speaker's current name, copied so that full-text search covers it",
    "published": "The article's publication date, copied ('' when unknown)",
    "start": "Where the quote starts in the article's text (code points)",
    "end": "Where the quote ends in the article's text (code points)",
    "text": "The quote",
    "kind": "direct (quoted speech), partial (a quoted fragment) or indirect (reported speech)",
    "role": "The speaker's role as this article states it",
    "co_speakers": "Others named as saying it with the speaker, a JSON array of names (NULL when none)",
    "mention_start": "Start of the words the attribution rests on ('he', 'Marcelino')",
    "mention_end": "End of the words the attribution rests on",
    "cue": "The reporting verb or phrase",
    "confidence": "How sure the extractor is of the speaker, 0 to 1 (calibrated)",
    "rule": "The extractor rule that attributed the quote",
    "status": f"Review status: {STATUS_TEXT}",
    "rating": "Fact-check rating: " + ", ".join(RATINGS),
    "note": "The latest reviewer note",
    "evidence_url": "The latest evidence link",
    "reviewer": "Who changed the quote last",
    "updated_at": "When it was changed last (UTC)",
    "version": "1, +1 on every change (the review app's conflict check)",
    "claim_rank": "Minus the number of checkable claims in the quote (0 for none): the order 'checkable claims first'",
}
QUOTE_ROW_COLUMNS = {
    **{column: QUOTE_COLUMNS[column] for column in ("id", "text", "kind", "status", "rating", "speaker_id", "role")},
    "speaker": "The speaker's name",
    "co_speakers": QUOTE_COLUMNS["co_speakers"],
    "speaker_type": "The speaker's type: " + ", ".join(SPEAKER_TYPES),
    "article_id": QUOTE_COLUMNS["article_id"],
    "title": "The article's title",
    "outlet": "The outlet that published the article",
    **{column: QUOTE_COLUMNS[column] for column in ("published", "confidence", "note", "reviewer", "updated_at")},
}

# CROSS JOIN keeps SQLite to this order: the few matching speakers first, then their quotes by index (left to
# itself it may walk every unreviewed quote). An empty name matches no one rather than sorting every quote.
UNREVIEWED_BY_SPEAKER = """
select q.id, q.text, q.kind, q.confidence, s.name as speaker, s.type as speaker_type, a.title, a.outlet, q.published
from speakers s
cross join quotes q on q.speaker_id = s.id
join articles a on a.id = q.article_id
where :speaker != '' and s.name like '%' || :speaker || '%' and q.status = 'unreviewed'
order by s.name, q.confidence, q.id
"""
DISPUTED_WITH_NOTES = """
select q.id, q.text, s.name as speaker, a.title, a.outlet, q.published, q.note, q.evidence_url,
  (select group_concat(line, char(10)) from (
     select r.at || ' ' || r.reviewer || ': ' || r.note as line from reviews r
     where r.quote_id = q.id and r.action = 'note' and r.undone_by is null and r.note is not null order by r.id
  )) as notes,
  q.reviewer, q.updated_at
from quotes q
join articles a on a.id = q.article_id
left join speakers s on s.id = q.speaker_id
where q.status = 'disputed'
order by q.updated_at desc, q.id
"""
# Quotes per article from the (article_id, start) index, anonymous quotes through the anonymous speakers: four
# times faster on a million quotes than joining every quote to its article and speaker.
ANONYMOUS_SHARE_BY_OUTLET = """
with per_article as (
  select article_id, count(*) as quotes from quotes group by article_id
), anonymous as (
  select q.article_id, count(*) as quotes from speakers s cross join quotes q on q.speaker_id = s.id
  where s.type = 'anonymous' group by q.article_id
)
select coalesce(nullif(min(a.outlet), ''), '(no outlet)') as outlet, sum(p.quotes) as quotes,
  coalesce(sum(an.quotes), 0) as anonymous,
  round(100.0 * coalesce(sum(an.quotes), 0) / sum(p.quotes), 1) as anonymous_percent
from per_article p
join articles a on a.id = p.article_id
left join anonymous an on an.article_id = p.article_id
group by coalesce(a.outlet, '') collate nocase
order by anonymous_percent desc, quotes desc, outlet collate nocase
"""


def datasette_metadata(database: str) -> dict[str, Any]:
    """Datasette's metadata.json for the quotecheck database Datasette calls ``database`` (its file name without
    the extension)."""
    tables = {
        "quote_rows": {
            "description": "Every quote with its article and speaker (a view): facet by status, kind, outlet and "
            "speaker type; the search box searches quote text and speaker names.",
            "columns": QUOTE_ROW_COLUMNS,
            "facets": ["status", "kind", "outlet", "speaker_type"],
            "fts_table": "quotes_fts",
            "fts_pk": "id",
            "sort": "id",
        },
        "quotes": {
            "description": "One row per quote found. text = articles.text[start:end].",
            "columns": QUOTE_COLUMNS,
            "facets": ["status", "kind", "rating"],
        },
        "articles": {
            "description": "One row per distinct article text; quotes point into its text.",
            "label_column": "title",
            "columns": {
                "id": "Article id",
                "title": "Title, as the source gave it",
                "outlet": "Outlet, as the source gave it",
                "url": "Address, as the source gave it",
                "published": "Publication date (YYYY-MM-DD) where known",
                "text": "The article's plain text",
                "sha256": "SHA-256 of the text: the same text is stored once",
                "source": "The file it was read from (path:line for JSONL, - for stdin)",
                "external_id": "The id field of a JSONL record",
                "ingested_at": "When it was ingested (UTC)",
                "deleted_at": "When a reviewer deleted it (its quotes are gone; undo brings it back)",
            },
            "facets": ["outlet"],
            "sort_desc": "published",
        },
        "speakers": {
            "description": "Persons and organisations, shared across articles; anonymous sources and descriptions "
            "('a spokesman') belong to one article. The search box searches names.",
            "label_column": "name",
            "columns": {
                "id": "Speaker id",
                "name": "Display name",
                "type": "One of: " + ", ".join(SPEAKER_TYPES),
                "key": "Matching key: accents, case and punctuation folded",
                "article_id": "For an anonymous source or description: the one article it belongs to",
                "merged_into": "Set when a reviewer merged this speaker into another (hidden in quotecheck)",
                "quote_count": "How many quotes it has",
                "reviewed_count": "How many of them are reviewed",
                "created_at": "When it was created (UTC)",
                "gender": "A person's gender: female, male, or NULL when unknown (never for organisations or anonymous)",
                "gender_source": "Where the gender comes from: article, first-name or reviewer",
            },
            "facets": ["type", "gender"],
            "fts_table": "speakers_fts",
            "fts_pk": "id",
            "sort_desc": "quote_count",
        },
        "claims": {
            "description": "The checkable claims in each quote (numbers, percentages, dates, comparisons, superlatives, "
            "past facts; docs/claims.md), offsets relative to the quote's text.",
            "label_column": "text",
            "columns": {
                "quote_id": "The quote the claim is in",
                "start": "Where the claim starts in the quote's text (code points)",
                "end": "Where the claim ends in the quote's text (code points)",
                "type": "One of: " + ", ".join(CLAIM_TYPES),
                "text": "The claim's words",
            },
            "facets": ["type"],
        },
        "speaker_aliases": {
            "description": "Other names of a speaker: surnames, spellings met at ingest, names merged in, old names.",
            "columns": {"speaker_id": "The speaker", "alias": "The other name", "key": "Its matching key"},
        },
        "reviews": {
            "description": "The history, append-only: every verdict, rating, note, edit, merge, rename and undo. "
            "Rows of one action share a batch.",
            "facets": ["action", "reviewer"],
            "sort_desc": "id",
        },
        "sources": {
            "description": "A speaker's primary sources (transcripts, press releases) for quotecheck verify.",
            "label_column": "title",
        },
        "speaker_epoch": {"hidden": True},
    }
    queries = {
        "unreviewed_quotes_by_speaker": {
            "title": "Unreviewed quotes by speaker",
            "description": "The unreviewed quotes of the speakers whose name contains the text given, least "
            "confident first.",
            "sql": UNREVIEWED_BY_SPEAKER.strip(),
        },
        "disputed_quotes_with_notes": {
            "title": "Disputed quotes with notes",
            "description": "Quotes marked disputed, latest first, with every note written on them.",
            "sql": DISPUTED_WITH_NOTES.strip(),
        },
        "anonymous_share_by_outlet": {
            "title": "Anonymous-source share by outlet",
            "description": "Per outlet: quotes, how many are from anonymous sources, and the share.",
            "sql": ANONYMOUS_SHARE_BY_OUTLET.strip(),
        },
    }
    return {
        "title": "quotecheck",
        "description": "Quotes found in news articles, who said them, and their review.",
        "databases": {database: {"tables": tables, "queries": queries}},
    }

