"""Users remap keys by binding id (the Posting way) in ``$XDG_CONFIG_HOME/quotecheck/keymap.toml``:

    status-verified = "V"
    cursor-down = "j,down,ctrl+n"
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from quotecheck.review.bindings import all_actions


def keymap_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "quotecheck" / "keymap.toml"


def load_keymap(path: Path) -> tuple[dict[str, str], list[str]]:
    """The keymap in ``path`` (empty when there is none) and one-line problems with it."""
    if not path.exists():
        return {}, []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, [f"{path}: {error}"]
    known = {action.id for action in all_actions()}
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in data.items():
        if binding_id not in known:
            problems.append(f"{path}: unknown binding id {binding_id!r}")
        elif not isinstance(keys, str) or not keys.strip():
            problems.append(f"{path}: {binding_id} needs a key such as \"x\" or \"ctrl+x,f5\"")
        else:
            keymap[binding_id] = keys
    return keymap, problems
