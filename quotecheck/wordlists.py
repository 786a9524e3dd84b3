"""Reading the word lists packages keep as data (``lexicon/*.txt``): one entry per line, ``#`` starts a comment."""

from __future__ import annotations

from importlib import resources


def word_list(package: str, name: str) -> list[str]:
    """The entries of ``lexicon/NAME`` in ``package``, comments and blank lines left out."""
    text = (resources.files(package) / "lexicon" / name).read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [entry for entry in entries if entry]
