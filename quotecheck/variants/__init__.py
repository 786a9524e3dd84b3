"""The same quote across articles: near-identical quotes grouped, with their wording differences, attribution
conflicts and earliest version. Pure: no I/O, no SQL."""

from quotecheck.variants.group import MIN_WORDS, Group, QuoteText, Version, find_variants, group_of, word_count

__all__ = ["MIN_WORDS", "Group", "QuoteText", "Version", "find_variants", "group_of", "word_count"]
