"""Every key of the review app as data (the Harlequin/Posting way).

Each action has a stable ``id`` (users remap keys by id, see ``keymap.py``), a description for the footer,
a tooltip, and a help group. Screens build their ``BINDINGS`` from this table, the help screen lists it,
and the command palette offers every action available on the current screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from quotecheck.store.models import RATINGS


@dataclass(frozen=True, slots=True)
class KeyAction:
    id: str
    key: str
    action: str
    description: str
    tooltip: str
    group: str
    show: bool = True
    key_display: str | None = None
    footer_group: Binding.Group | None = None

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.description,
            show=self.show,
            key_display=self.key_display,
            tooltip=self.tooltip,
            id=self.id,
            group=self.footer_group,
        )


_RATE = Binding.Group("rate", compact=True)
RATING_KEYS = {rating: str(number) for number, rating in enumerate(RATINGS, start=1)}

STATUS_ACTIONS = (
    KeyAction("status-verified", "v", "set_status('verified')", "verified",
              "The speaker said it, in these words", "Review"),
    KeyAction("status-misquoted", "m", "set_status('misquoted')", "misquoted",
              "The words differ from the source", "Review"),
    KeyAction("status-misattributed", "a", "set_status('misattributed')", "misattributed",
              "Someone else said it", "Review"),
    KeyAction("status-disputed", "d", "set_status('disputed')", "disputed",
              "The quote is contested", "Review"),
    KeyAction("status-unverifiable", "u", "set_status('unverifiable')", "unverifiable",
              "No source can confirm or refute it", "Review"),
)

RATING_ACTIONS = tuple(
    KeyAction(f"rate-{rating}", key, f"set_rating('{rating}')", rating,
              f"Rate the claim {rating.replace('-', ' ')}", "Rating", footer_group=_RATE)
    for rating, key in RATING_KEYS.items()
) + (
    KeyAction("rate-clear", "0", "set_rating(None)", "no rating", "Remove the claim's rating", "Rating",
              footer_group=_RATE),
)

EDIT_ACTIONS = (
    KeyAction("note", "n", "note", "note", "Write a note and an evidence link", "Review"),
    KeyAction("reassign", "r", "reassign", "speaker", "Reassign the quote to another (or a new) speaker", "Review"),
    KeyAction("undo", "z", "undo", "undo", "Undo your last action (also after a restart)", "Review"),
    KeyAction("bulk-verdict", "b", "bulk_verdict", "verdict for all",
              "One verdict for every quote in view (the filter's, a speaker's, the article's); asks first, one undo",
              "Review", show=False),
    KeyAction("edit-role", "o", "edit_role", "role", "Change the speaker's role as this quote states it", "Edit",
              show=False),
    KeyAction("edit-kind", "i", "edit_kind", "kind", "Change the quote's kind: direct, partial or indirect", "Edit",
              show=False),
    KeyAction("delete-quote", "x", "delete_quote", "delete quote", "Delete a false quote (asks first; z brings it back)",
              "Edit", show=False),
    KeyAction("check-sources", "y", "check_sources", "check sources",
              "The quote beside its speaker's sources: passage, diff, a proposed verdict (enter accepts)", "Review",
              show=False),
    KeyAction("versions", "p", "versions", "versions",
              "The quote in other articles: wording, speakers; a gives its exact copies this verdict", "Review",
              show=False),
)

# In the article view, where the words can be selected.
TEXT_EDIT_ACTIONS = (
    KeyAction("edit-span", "w", "edit_span", "span", "Widen or narrow the quote: select the words actually quoted",
              "Edit", show=False),
    KeyAction("add-quote", "plus", "add_quote", "add quote", "Add a quote the extractor missed: select its words",
              "Edit", show=False, key_display="+"),
)

def list_navigation(noun: str) -> tuple[KeyAction, ...]:
    """Moving in a list of ``noun``s (quotes, speakers): the same ids everywhere, so one remap moves them all."""
    return (
        KeyAction("cursor-down", "j,down", "cursor_down", "next", f"Next {noun}", "Move", show=False),
        KeyAction("cursor-up", "k,up", "cursor_up", "previous", f"Previous {noun}", "Move", show=False),
        KeyAction("page-down", "pagedown", "page_down", "page down", "One page down", "Move", show=False),
        KeyAction("page-up", "pageup", "page_up", "page up", "One page up", "Move", show=False),
        KeyAction("first", "home,g", "first", "first", f"First {noun}", "Move", show=False),
        KeyAction("last", "end,G", "last", "last loaded", f"Last loaded {noun} (loads more as you go)", "Move",
                  show=False),
    )


DETAIL_SCROLL = (
    KeyAction("detail-down", "J", "detail_down", "scroll detail", "Scroll the quote detail down", "Move",
              show=False),
    KeyAction("detail-up", "K", "detail_up", "scroll detail up", "Scroll the quote detail up", "Move",
              show=False),
)

QUEUE_ACTIONS = (
    KeyAction("open-article", "enter", "open_article", "article",
              "Open the whole article at this quote", "Move"),
    KeyAction("search", "slash", "search", "search", "Full-text search over quotes and speakers", "Find",
              key_display="/"),
    KeyAction("filter", "f", "filters", "filter", "Filter by status, speaker, kind, outlet", "Find"),
    KeyAction("low-confidence", "l", "toggle_low_confidence", "low conf first",
              "Show the least certain attributions first", "Find"),
    KeyAction("claims-first", "C", "toggle_claims_first", "claims first",
              "Show the quotes with the most checkable claims (numbers, dates, comparisons…) first", "Find",
              show=False),
    KeyAction("clear-filters", "c", "clear_filters", "clear filters",
              "Back to the default queue: unreviewed, in article order", "Find", show=False),
    KeyAction("speakers", "s", "speakers", "speakers", "All speakers with their progress", "Move"),
    KeyAction("report", "W", "report", "who is quoted",
              "Who gets quoted: speaker types, role families, women's share, the most quoted, verdicts", "Move",
              show=False),
    KeyAction("export", "e", "export", "export", "Export the current filter as a Markdown quote sheet", "App"),
)

ARTICLE_ACTIONS = (
    KeyAction("article-next", "j,down", "cursor_down", "next quote", "Next quote in the article", "Move"),
    KeyAction("article-previous", "k,up", "cursor_up", "previous quote",
              "Previous quote in the article", "Move"),
)

SPEAKER_ACTIONS = (
    KeyAction("open-speaker", "enter", "open_speaker", "review quotes", "Review all quotes of this speaker", "Move"),
    KeyAction("speaker-search", "slash", "search", "find speaker", "Find a speaker by name (fuzzy)", "Find",
              key_display="/"),
    KeyAction("rename-speaker", "R", "rename_speaker", "rename speaker",
              "Rename this speaker (offers a merge when another speaker has the name)", "Edit", show=False),
    KeyAction("merge-speaker", "m", "merge_speaker", "merge speakers",
              "m on the speaker to merge away, then m on the one to keep (asks first)", "Edit", show=False),
    KeyAction("speaker-gender", "w", "speaker_gender", "gender",
              "Set a person's gender (female, male or unknown); the report counts it, ingest keeps it", "Edit",
              show=False),
)

BACK = KeyAction("back", "escape", "back", "back", "Back to the previous screen", "Move")

APP_ACTIONS = (
    KeyAction("help", "question_mark", "help", "help", "Every key, grouped", "App", key_display="?"),
    KeyAction("toggle-theme", "t", "toggle_theme", "light/dark", "Switch between the light and the dark theme", "App",
              show=False),
    KeyAction("quit", "q", "quit", "quit", "Quit (everything is already saved)", "App"),
)

REVIEW_ACTIONS = STATUS_ACTIONS + RATING_ACTIONS + EDIT_ACTIONS

HELP_GROUPS = ("Review", "Rating", "Edit", "Move", "Find", "App")

SCREEN_ACTIONS: dict[str, tuple[KeyAction, ...]] = {
    "Queue": REVIEW_ACTIONS + list_navigation("quote") + DETAIL_SCROLL + QUEUE_ACTIONS + (BACK,),
    "Article": REVIEW_ACTIONS + TEXT_EDIT_ACTIONS + ARTICLE_ACTIONS + DETAIL_SCROLL + (BACK,),
    "Speakers": list_navigation("speaker") + SPEAKER_ACTIONS + (BACK,),
    "Report": (BACK,),
}


# How keys are shown to people (help, command palette).
KEY_NAMES = {
    "question_mark": "?", "slash": "/", "escape": "esc", "pagedown": "pgdn", "pageup": "pgup",
    "down": "↓", "up": "↑", "plus": "+",
}  # fmt: skip


def key_label(keys: str) -> str:
    return " ".join(KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(","))


def bindings(actions: tuple[KeyAction, ...]) -> list[Binding]:
    return [action.binding() for action in actions]


def screens_of(action_id: str) -> list[str]:
    """Where a key works: the screens that bind it, or "everywhere" for the app's own keys."""
    if any(action.id == action_id for action in APP_ACTIONS):
        return ["everywhere"]
    return [screen.lower() for screen, actions in SCREEN_ACTIONS.items() if any(a.id == action_id for a in actions)]


def all_actions() -> list[KeyAction]:
    """Every action once (the same id may serve several screens)."""
    seen: dict[str, KeyAction] = {}
    for actions in (*SCREEN_ACTIONS.values(), APP_ACTIONS):
        for action in actions:
            seen.setdefault(action.id, action)
    return list(seen.values())
