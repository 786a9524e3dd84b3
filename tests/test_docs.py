"""Every command and subcommand has help text with an example and an entry in docs/commands.md (the sqlite-utils
test_docs idea)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
import regex

from quotecheck.cli import COMMANDS, cli

DOCS = Path(__file__).resolve().parents[1] / "docs" / "commands.md"


def _all_commands() -> list[tuple[str, click.Command]]:
    ctx = click.Context(cli, info_name="quotecheck")
    found = []
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None, f"quotecheck {name}: not importable"
        found.append((f"quotecheck {name}", command))
        if isinstance(command, click.Group):
            sub_ctx = click.Context(command, parent=ctx, info_name=name)
            for sub in command.list_commands(sub_ctx):
                found.append((f"quotecheck {name} {sub}", command.get_command(sub_ctx, sub)))
    return found


COMMAND_NAMES = [name for name, _ in _all_commands()]


@pytest.mark.parametrize(("name", "command"), _all_commands(), ids=COMMAND_NAMES)
def test_command_has_help_text_with_an_example(name, command):
    assert (command.help or "").strip(), f"{name} has no help text"
    assert "Example" in command.help, f"{name}: its help has no example"


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_command_is_documented(name):
    headings = regex.findall(r"^#{2,4} `?(quotecheck[\w -]*?)`?\s*$", DOCS.read_text(encoding="utf-8"), flags=regex.M)
    assert name in headings, f"{name} has no heading in docs/commands.md"
