"""Do two speaker names denote the same person? Used when a gold file gives a name rather than a mention span."""

from __future__ import annotations

import unicodedata

import regex

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})
# "a source close to the government" and "One source close to the government" are the same anonymous source.
_LEADING_DETERMINERS = frozenset({"a", "an", "the", "one"})
# A pronoun names nobody by itself: "he" == "he" says nothing about who spoke.
_PRONOUNS = frozenset(
    {"i", "me", "we", "us", "you", "he", "him", "his", "she", "her", "it", "its", "they", "them", "their"}
)
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")


def name_words(name: str) -> list[str]:
    """Lower-case, accent-free words of a name, without honorifics, a leading article or a possessive 's."""
    folded = "".join(
        char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char)
    ).casefold()
    words = []
    for word in _WORD.findall(folded):
        word = regex.sub(r"['’]s$", "", word)
        if word not in _HONORIFICS:
            words.append(word)
    if len(words) > 1 and words[0] in _LEADING_DETERMINERS:
        del words[0]
    return words


def names_agree(a: str | None, b: str | None) -> bool:
    """True when the names are equal ignoring case, accents and honorifics, or share the surname (last word) and
    one name's words all occur in the other ("Linkevicius" / "Linas Linkevicius", "Ms Demir" / "Zuhal Demir")."""
    if not a or not b:
        return False
    words_a, words_b = name_words(a), name_words(b)
    if not words_a or not words_b:
        return False
    if len(words_a) == 1 and words_a[0] in _PRONOUNS or len(words_b) == 1 and words_b[0] in _PRONOUNS:
        return False
    if words_a == words_b:
        return True
    if words_a[-1] != words_b[-1]:
        return False
    set_a, set_b = set(words_a), set(words_b)
    return set_a <= set_b or set_b <= set_a


# Titles that stand before a name and are not part of it in a canonical name ("Sen. Bernie Sanders").
_TITLES = frozenset(
    "sen senator rep representative gov governor pres president lord lady sir dame rev reverend gen general "
    "col colonel lt capt captain sgt adm admiral cllr councillor judge justice rabbi father sister brother "
    "hon st chief mayor secretary minister speaker leader chairman chairwoman commissioner sheriff officer detective "
    "inspector superintendent ambassador professor coach dean bishop cardinal pope prince princess king queen".split()
)
_SUFFIXES = frozenset("jr sr ii iii iv".split())
# In a source mention, lower-case words that may sit inside a name ("Charles de Gaulle").
_PARTICLES = frozenset("de van von da del di du la le bin al ben der den dos das".split())
_LINKING = frozenset(("of", "for", "and", "the", "on", "in"))
_NAME_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*\.?")


def _glued(name: str) -> bool:
    """A name with words glued to its front: an honorific or title after its first word ("Doncaster Mr Pryce"),
    or a possessive before a capitalised word ("Labour's Mr Fenwick"; but "Ryan's campaign" is a description)."""
    raw = _NAME_WORD.findall(name)
    words = [word.casefold().rstrip(".") for word in raw]
    return any(
        index > 0 and word in _HONORIFICS
        or index < len(words) - 1 and word.endswith(("'s", "’s")) and raw[index + 1][:1].isupper()
        for index, word in enumerate(words)
    )


def _person_words(name: str) -> list[str]:
    """name_words without titles ("Sen.", "Lord") at the front."""
    words = name_words(name)
    while len(words) > 1 and words[0] in _TITLES:
        del words[0]
    return words


def same_name(predicted: str, gold: str) -> bool:
    """Does ``predicted`` write the canonical name ``gold``? Equal ignoring case, accents, honorifics and titles,
    a leading article and a possessive; or the same first and last word, differing only in middle names or
    initials ("Donald J. Trump" / "Donald Trump"). A bare surname for a full name is not the name; neither is a
    name with a generational suffix for one without ("Donald Trump Jr.")."""
    words_p, words_g = _person_words(predicted), _person_words(gold)
    if not words_p or not words_g or _glued(predicted) and not _glued(gold):
        return False
    if words_p == words_g:
        return True
    if len(words_p) < 2 or len(words_g) < 2 or words_p[0] != words_g[0] or words_p[-1] != words_g[-1]:
        return False
    if words_p[-1] in _SUFFIXES:
        return False
    middle_p, middle_g = set(words_p[1:-1]), set(words_g[1:-1])
    return middle_p <= middle_g or middle_g <= middle_p or all(len(w) == 1 for w in middle_p | middle_g)


_PARENTHESIS = regex.compile(r"\([^()]*(?:\)|$)")  # (or cut off by the mention's end: "Pat Toomey (R-Pa.")
_ASIDE_BREAK = regex.compile(r",|\s[—–]\s?|\s-{1,2}\s")  # an appositive after a comma or between dashes
_OF_PLACE = regex.compile(r"\s+(?:of|in|at|from)\s+(?:the\s+)?(?=\p{Lu})")  # "Tom Cole of Oklahoma", "… in Washington"
# "Frank Newport and Jim Harter", "Sen. Ted Cruz of Texas and Sen. Rand Paul": two names of two words or more (not
# "White House and Pentagon spokesmen", "the journal Judgment and Decision Making")
_NAMES_AND = regex.compile(
    r"(?<=\p{Lu}[\p{L}.'’\-]*\s+\p{Lu}[\p{L}.'’\-]*(?:\s+of\s+\p{Lu}[\p{L}.]*)?)\s+and\s+"
    r"(?=\p{Lu}[\p{L}.'’\-]*\s+\p{Lu})"
)


def _capitalised_run(text: str) -> bool:
    """The text ends in two capitalised words or more: a name such as "Rep. Tom Cole"."""
    words = _NAME_WORD.findall(text)
    return len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper()


def mention_names(mention: str) -> list[list[str]]:
    """The names a source mention contains, as word lists: for each part between commas or dashes, its last run
    of capitalised words ("Carter's press secretary, Peter Cook" -> Peter Cook; "81-year-old Parker Eaton, a
    nominal Republican" -> Parker Eaton; "Jason Sims — a teacher —" -> Jason Sims), and a name of two words or
    more before "of" and a capitalised word ("Tom Cole of Oklahoma"). An appositive (after a comma, between dashes
    or in brackets: "Harry M. Reid (D-Nev.)") never counts against the name."""
    names = []
    mention = _PARENTHESIS.sub(" ", mention)  # "Harry M. Reid (D-Nev.)": a party tag, an aside
    parts = []
    for part in (piece for aside in _ASIDE_BREAK.split(mention) for piece in _NAMES_AND.split(aside)):
        # "Donald Hartley of Madison": a name of two words or more before "of" and the place or body the person
        # belongs to is a name too ("Former Secretary of State Madeleine Albright" still ends in one)
        before = _OF_PLACE.split(part, maxsplit=1)[0]
        parts += [before, part] if before != part and _capitalised_run(before) else [part]
    for part in parts:
        words = _NAME_WORD.findall(part)
        run: list[str] = []
        for word in words:
            if word[:1].isupper() or word[:1].isdigit() and run:
                run.append(word)
            elif word.lower() in _PARTICLES and run:
                run.append(word)
            else:
                run = []
        while run and run[-1].lower() in _PARTICLES:
            run.pop()
        if run:
            folded = _person_words(" ".join(run))
            if folded and not (len(folded) == 1 and folded[0] in _PRONOUNS):
                names.append(folded)
    return names


def _without_suffix(words: list[str]) -> list[str]:
    """A full name's words without a generational suffix ("Jr.") after the surname."""
    return words[:-1] if len(words) > 2 and words[-1] in _SUFFIXES else words


def names_mention(predicted: str, mention: str) -> bool:
    """Does the canonical name ``predicted`` name the person of the gold source mention ``mention``? It must be
    that name or a fuller form of it ("Donald Trump" for "Mr. Trump"), or a full name the mention extends with
    titles or premodifiers ("Bernie Sanders" for "Democratic Sen. Bernie Sanders")."""
    words_p = _person_words(predicted)
    if not words_p or _glued(predicted):
        return False
    bare = name_words(mention)
    if len(bare) == 1 and len(words_p) > 1 and mention.strip().split()[-1].isupper() and (
        "".join(w[0] for w in words_p if w not in _LINKING) == bare[0]
    ):
        return True  # an acronym spelt out: "Associated Press" for "the AP"
    suffixed = _without_suffix(words_p) != words_p
    words_p = _without_suffix(words_p)  # "Joseph R. Biden Jr." is a fuller form of "Mr. Biden"
    set_p = set(words_p)
    if len(bare) == 1 and len(predicted.split()) == 2 and words_p[0] == bare[0] and predicted.split()[-1][:1].isupper():
        return True  # a fuller form that adds the other half of the name: "Hillary Clinton", "Ban Ki-moon" for "Ban"
    for words_g in mention_names(mention):
        if same_name(predicted, " ".join(words_g)):
            return True
        if _without_suffix(words_g) != words_g and not suffixed:
            continue  # "Donald Trump" is not "Donald Trump Jr."
        words_g = _without_suffix(words_g)
        if words_p[-1] != words_g[-1]:
            continue
        set_g = set(words_g)
        if set_g <= set_p or len(words_p) >= 2 and set_p <= set_g:
            return True
    return False


# --- roles ----------------------------------------------------------------------------------------------------

_ROLE_ARTICLES = frozenset(("the", "a", "an"))
ROLE_GOLD_COVERAGE = 0.75  # share of the gold role's words the predicted role must contain (not a fragment)
ROLE_PREDICTED_COVERAGE = 0.6  # share of the predicted role's words that must be the gold's (no stray phrase)


def role_words(role: str) -> list[str]:
    words = [word for word in _WORD.findall(
        "".join(c for c in unicodedata.normalize("NFKD", role) if not unicodedata.combining(c)).casefold()
        .replace("’", "'")
    )]
    while words and words[0] in _ROLE_ARTICLES:
        del words[0]
    return words


def role_agrees(predicted: str | None, gold_roles: tuple[str, ...]) -> bool:
    """The predicted role agrees with one of the roles the article gives (or with all of them together): close
    wording, not a fragment ("Pensions Secretary" for "Work and Pensions Secretary" is wrong)."""
    if not predicted or not gold_roles:
        return False
    words_p = role_words(predicted)
    if not words_p:
        return False
    for gold in (*gold_roles, " ".join(gold_roles)):
        words_g = role_words(gold)
        if not words_g:
            continue
        remaining = list(words_g)
        shared = 0
        for word in words_p:
            if word in remaining:
                remaining.remove(word)
                shared += 1
        if shared >= ROLE_GOLD_COVERAGE * len(words_g) and shared >= ROLE_PREDICTED_COVERAGE * len(words_p):
            return True
    return False
