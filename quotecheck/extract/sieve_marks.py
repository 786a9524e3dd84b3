"""The mark a sieve carries: the rule it decides. Kept out of the compiled modules (setup.py): a compiled function
takes no attributes, so the mark is a small wrapper that also keeps the function's name and docstring."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class NamedSieve:
    """A sieve function with the rule it decides (``@sieve("trailing-cue")``)."""

    def __init__(self, rule: str, function: Callable[[Any], Any]) -> None:
        self.rule = rule
        self.function = function
        self.__name__ = function.__name__
        self.__doc__ = function.__doc__

    def __call__(self, ctx: Any) -> Any:
        return self.function(ctx)
