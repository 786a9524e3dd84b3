"""Markdown to the plain text a reader sees: no heading hashes, emphasis marks or link syntax; one line per
paragraph, heading and list item. Title, date, URL and outlet may come from a YAML-style front matter block."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

# commonmark keeps quote marks as typed (no typographer): offsets and marks must survive untouched.
_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)


@dataclass(slots=True)
class MarkdownText:
    text: str
    title: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)  # front matter "key: value" pairs, keys lower-case


def markdown_to_text(source: str) -> MarkdownText:
    paragraphs: list[str] = []
    result = MarkdownText(text="")
    in_heading = False
    for token in _PARSER.parse(source):
        if token.type == "front_matter":
            result.metadata = _front_matter(token.content)
        elif token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline":
            line = _inline_text(token.children or []).strip()
            if line:
                paragraphs.append(line)
                if in_heading and result.title is None:
                    result.title = line
        elif token.type in ("fence", "code_block"):
            paragraphs.append(token.content.rstrip("\n"))
    result.text = "\n".join(paragraphs)
    return result


def _inline_text(children: list[Token]) -> str:
    """Words of an inline run; link text stays, emphasis marks, images and raw HTML go."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def _front_matter(content: str) -> dict[str, str]:
    """Flat ``key: value`` lines (enough for title/date/url/outlet); anything nested is ignored."""
    metadata = {}
    for line in content.splitlines():
        key, colon, value = line.partition(":")
        if colon and key.strip() and not key.startswith((" ", "\t", "-")):
            value = value.strip().strip("'\"").strip()
            if value:
                metadata[key.strip().lower()] = value
    return metadata
