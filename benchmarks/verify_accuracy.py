"""How well ``quotecheck verify`` tells a faithful quote from a doctored one and from one the speaker never said.

    .venv/bin/python benchmarks/verify_accuracy.py [--quotes 300] [--seed 10]
    .venv/bin/python benchmarks/verify_accuracy.py --quick     # seconds: a handful of quotes from corpus/

Real quotes (direct quotes of 8 to 80 words, from the development sets in ../shared/devset, read at run time)
each get a transcript written around them: the other sentences of their article with the quote said in the middle,
padded with sentences of other articles to at least PAD_WORDS words. Three cases per quote:

- verbatim: the quote as the article gives it, or with an editorial convention (a bracketed substitution or
  insertion, an ellipsis over a few words, changed capitalisation and punctuation); expected ``verbatim``;
- changed: one word swapped, dropped or inserted, a number changed, a negation added or removed, or a sentence
  said far away spliced on with an ellipsis; expected ``differs`` with exactly that change in the diff;
- absent: the same quote against its transcript without it (the rest of the article: same topic, same words
  around it); expected ``not-found``.

A quote whose five-word runs also occur elsewhere in its article (a headline repeating it) is skipped: its absent
case would not be absent; so is one the article already printed with a bracket. Goal: >= 97% of cases classified right, changes located exactly in >= 95%.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from quotecheck.evaluate import GoldError, load_gold
from quotecheck.evaluate.gold import gold_files
from quotecheck.verify import CHANGES, DIFFERS, NOT_FOUND, VERBATIM, SourceIndex
from quotecheck.verify.tokens import WORD, Token, tokenize

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset"
QUICK_QUOTES = 8
PAD_WORDS = 400
MIN_WORDS, MAX_WORDS = 8, 80
SPLICE_DISTANCE = 150  # words between the quote and the sentence spliced onto it
_SENTENCE = regex.compile(r"[^.!?\n]+[.!?]*[\"”’']*")
NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
                "hundred thousand million billion").split()  # fmt: skip
NEGATIONS = {"not", "never", "no"}
AUXILIARIES = ("is are was were will would can could should must has have had do does did").split()
SWAPS = ("always", "perhaps", "certainly", "nobody", "everyone", "quickly", "seriously", "billion", "enemy", "secret")
INSERTS = ("really", "totally", "very", "all", "just", "absolutely", "simply", "clearly")


@dataclass(frozen=True)
class Case:
    kind: str  # "verbatim", "changed", "absent"
    quote: str
    transcript: str
    expected: str
    change: frozenset | None = None  # {(op, quote words, source words)} for a changed case
    variant: str = ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=300, help="quotes to sample (three cases each)")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_QUOTES} quotes from the bundled corpus")
    args = parser.parse_args()
    if args.quick:
        paths, wanted = [str(ROOT / "corpus")], QUICK_QUOTES
    else:
        paths, wanted = sorted(str(path) for path in DEVSET.glob("*.jsonl")), args.quotes
        if not paths:
            print(f"no development sets in {DEVSET}: nothing to measure (--quick uses the bundled corpus)")
            return 0
    rng = random.Random(args.seed)
    articles = _articles(paths)
    quotes = _usable_quotes(articles)
    rng.shuffle(quotes)
    quotes = quotes[:wanted]
    cases = [case for number, item in enumerate(quotes) for case in _cases(number, item, articles, rng)]
    started = time.perf_counter()
    right, located, changed, wrong = 0, 0, 0, Counter()
    for case in cases:
        alignment = SourceIndex([(1, case.transcript)]).verify(case.quote)
        right += alignment.result == case.expected
        if alignment.result != case.expected:
            wrong[f"{case.kind}/{case.variant} -> {alignment.result}"] += 1
        if case.kind == "changed":
            changed += 1
            found = frozenset(
                (op.op, _words(op.quote), _words(op.source)) for op in alignment.diff if op.op in CHANGES
            )
            located += found == case.change
    elapsed = time.perf_counter() - started
    print(f"{len(quotes)} quotes, {len(cases)} cases ({elapsed:.1f} s)")
    print(f"classified right: {right}/{len(cases)} = {right / len(cases):.1%}")
    print(f"changes located exactly: {located}/{changed} = {located / max(changed, 1):.1%}")
    for label, count in wrong.most_common():
        print(f"  wrong: {label}: {count}")
    return 0


def _articles(paths: list[str]) -> list:
    documents = []
    for path in gold_files(paths):
        if isinstance(path, GoldError):
            sys.exit(str(path))
        documents += [document for document in load_gold(path) if not isinstance(document, GoldError)]
    return documents


def _usable_quotes(articles: list) -> list[tuple[int, str, str]]:
    """(article number, quote, the article's other text) for direct quotes the article does not repeat."""
    usable = []
    for number, article in enumerate(articles):
        for quote in article.quotes:
            text = article.text[quote.start : quote.end].strip()
            words = _words(text)
            # a bracket in the printed quote is the article's own editing: no transcript can have said it
            if quote.kind != "direct" or not MIN_WORDS <= len(words) <= MAX_WORDS or "[" in text:
                continue
            rest = article.text[: quote.start] + " " + article.text[quote.end :]
            rest_runs = _runs(_words(rest))
            if _runs(words) & rest_runs:
                continue
            usable.append((number, text, rest))
    return usable


def _cases(number: int, item: tuple[int, str, str], articles: list, rng: random.Random) -> list[Case]:
    article_number, quote, rest = item
    sentences = [s.strip() for s in _SENTENCE.findall(rest) if _words(s)]
    quote_runs = _runs(_words(quote))
    padding = [
        s.strip()
        for other in rng.sample(articles, min(6, len(articles)))
        if other is not articles[article_number]
        for s in _SENTENCE.findall(other.text)
        if _words(s) and not _runs(_words(s)) & quote_runs
    ]
    while sum(len(_words(s)) for s in sentences) < PAD_WORDS and padding:
        sentences.append(padding.pop(0))
    middle = len(sentences) // 2
    said = sentences[:middle] + [quote] + sentences[middle:]
    transcript = _paragraphs(said)
    absent = _paragraphs(sentences)
    variant, shown = _convention(number, quote, rng)
    kind, doctored, change = _change(number, quote, said, middle, rng)
    return [
        Case("verbatim", shown, transcript, VERBATIM, variant=variant),
        Case("changed", doctored, transcript, DIFFERS, change, kind),
        Case("absent", quote, absent, NOT_FOUND, variant="same topic"),
    ]


def _convention(number: int, quote: str, rng: random.Random) -> tuple[str, str]:
    """The quote as a careful editor may print it: a convention that is not a change."""
    words = list(regex.finditer(r"\S+", quote))
    style = number % 5
    if style == 1:
        shown = quote[0].swapcase() + quote[1:]
        return "case and punctuation", regex.sub(r"[,;:]", "", shown).rstrip(".!?")
    if style == 2:
        pronoun = next((w for w in words if w.group().lower() in {"he", "she", "it", "they", "we", "this"}), None)
        if pronoun is not None:
            return "bracket substitution", quote[: pronoun.start()] + "[the minister]" + quote[pronoun.end() :]
        at = words[rng.randrange(1, len(words) - 1)].end()
        return "bracket insertion", quote[:at] + " [involved]" + quote[at:]
    if style == 3 and len(words) >= 10:
        first = rng.randrange(2, len(words) - 6)
        last = first + rng.randrange(2, 5)
        return "ellipsis", quote[: words[first].start()] + "… " + quote[words[last].start() :]
    if style == 4:
        return "leading ellipsis", "…" + quote[words[2].start() :]
    return "as printed", quote


def _change(number: int, quote: str, said: list[str], middle: int, rng: random.Random):
    """(kind, doctored quote, the change as the diff should report it)."""
    words = [token for token in tokenize(quote) if token.kind == WORD]
    lower = [token.norm for token in words]
    kind = ("swap", "drop", "insert", "number", "negation", "splice")[number % 6]
    if kind == "number":
        at = next((i for i, w in enumerate(lower) if w[0].isdigit() or w in NUMBER_WORDS), None)
        if at is not None:
            old = lower[at]
            new = str(int(old) * 2 + 1) if old.isdigit() else ("seven" if lower[at] != "seven" else "nine")
            return kind, _replace(quote, words[at], new), {("changed", (new,), (old,))}
        kind = "swap"
    if kind == "negation":
        # not the last word: a quote that stops one word short of its sentence is a shorter quote, not a change
        at = next((i for i, w in enumerate(lower[:-1]) if w in NEGATIONS), None)
        if at is not None:
            return "negation removed", _drop(quote, words[at]), {("dropped", (), (lower[at],))}
        at = next((i for i, w in enumerate(lower) if w in AUXILIARIES), None)
        if at is not None:
            doctored = quote[: words[at].end] + " not" + quote[words[at].end :]
            return "negation added", doctored, {("inserted", ("not",), ())}
        kind = "insert"
    if kind == "splice":
        far = [s for s in said[middle + 1 :] if _words(s)]
        skipped, spliced = 0, None
        for sentence in far:
            if skipped >= SPLICE_DISTANCE and len(_words(sentence)) >= 4:
                spliced = sentence
                break
            skipped += len(_words(sentence))
        if spliced is not None:
            return kind, quote.rstrip() + " … " + spliced, {("spliced", ("…",), ())}
        kind = "swap"
    at = rng.randrange(1, len(words) - 1)
    if kind == "drop":
        return kind, _drop(quote, words[at]), {("dropped", (), (lower[at],))}
    if kind == "insert":
        new = next(w for w in rng.sample(INSERTS, len(INSERTS)) if w not in (lower[at - 1], lower[at]))
        return kind, quote[: words[at].start] + new + " " + quote[words[at].start :], {("inserted", (new,), ())}
    new = next(w for w in rng.sample(SWAPS, len(SWAPS)) if w != lower[at])
    return "swap", _replace(quote, words[at], new), {("changed", (new,), (lower[at],))}


def _replace(quote: str, word: Token, new: str) -> str:
    return quote[: word.start] + new + quote[word.end :]


def _drop(quote: str, word: Token) -> str:
    return quote[: word.start].rstrip() + " " + quote[word.end :].lstrip()


def _words(text: str) -> tuple[str, ...]:
    return tuple(token.norm for token in tokenize(text) if token.kind == WORD) or (
        ("…",) if any(t.kind != WORD for t in tokenize(text)) else ()
    )


def _runs(words: tuple[str, ...], size: int = 5) -> set[tuple[str, ...]]:
    return {words[i : i + size] for i in range(len(words) - size + 1)}


def _paragraphs(sentences: list[str]) -> str:
    return "\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))


if __name__ == "__main__":
    sys.exit(main())
