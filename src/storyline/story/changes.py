"""What changed in a story between two digests: the log a returning reader reads first.

:func:`changes` compares the story as the previous digest left it with the story
now and returns the whole log: the previous entries, then one entry per change
seen now. It is a pure function of the two states, so a digest that re-assembles
every story and one that re-assembles only the changed ones log the same thing.

A change is one of: new reports (``report``), a new or changed figure
(``figure``), a figure now disputed (``dispute``), new quotes (``quote``), a new
dated event (``development``). Figures are compared as facts
(:mod:`storyline.story.facts`): by measure and event, so a reworded event
description is not a new figure.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.model import Change, Fact, Story, TimelineEntry
from storyline.story.facts import AGREED, DISPUTED, SINGLE, UPDATED, related

#: New dated events logged per digest at most (the newest first kept).
MAX_DEVELOPMENTS = 3
#: Outlets named in a "new reports" entry at most.
MAX_OUTLETS = 4


def changes(
    previous: Story | None,
    current: Story,
    date: str,
    *,
    outlets: Sequence[str] = (),
    since: str | None = None,
) -> tuple[Change, ...]:
    """The story's log: ``previous.changes`` and what changed from ``previous`` to ``current``.

    ``date`` is the day the changes are logged under; ``since`` the day of the
    previous state (default: the newest date of its timeline); ``outlets`` names
    the new reports' outlets, when the caller knows them. A story seen for the
    first time (``previous`` None) starts an empty log.
    """
    if previous is None:
        return current.changes
    since = newest_date(previous) if since is None else since
    found: list[Change] = []
    new = [a for a in current.articles if a not in set(previous.articles)]
    if new:
        found.append(Change(date, "report", _reports(len(new), outlets), since))
    found += _figures(previous.facts, current.facts, date, since)
    old_quotes = {q.text for q in previous.quotes}
    quotes = [q for q in current.quotes if q.text not in old_quotes and q.kind == "direct"]
    if quotes:
        who = list(dict.fromkeys(q.speaker for q in quotes if q.speaker))[:MAX_OUTLETS]
        text = f"{len(quotes)} new {'quote' if len(quotes) == 1 else 'quotes'}"
        found.append(
            Change(date, "quote", text + (f", from {', '.join(who)}" if who else ""), since)
        )
    for t in _developments(previous.timeline, current.timeline, since):
        found.append(Change(date, "development", f"{t.date}: {t.text}", since))
    return (*previous.changes, *found)


def newest_date(story: Story) -> str:
    """The newest day a story's timeline gives (what the reader saw last), or ""."""
    dates = [t.date for t in story.timeline if t.date and t.date[:1].isdigit()]
    return max(dates, default="")[:10]


def _reports(count: int, outlets: Sequence[str]) -> str:
    text = f"{count} new {'report' if count == 1 else 'reports'}"
    names = list(dict.fromkeys(o for o in outlets if o))
    if names:
        more = f" and {len(names) - MAX_OUTLETS} more" if len(names) > MAX_OUTLETS else ""
        text += f" ({', '.join(names[:MAX_OUTLETS])}{more})"
    return text


def _figures(old: Sequence[Fact], new: Sequence[Fact], date: str, since: str) -> list[Change]:
    out: list[Change] = []
    for fact in new:
        if not fact.readable:
            continue
        before = next(
            (f for f in old if f.measure == fact.measure and related(f.about, fact.about)), None
        )
        if before is None:
            out.append(Change(date, "figure", f"New figure: {fact.phrase}", since))
        elif fact.state in (DISPUTED,) and before.state != DISPUTED:
            out.append(Change(date, "dispute", f"Now disputed: {fact.phrase}", since))
        elif set(fact.values) != set(before.values) and fact.state in (AGREED, SINGLE, UPDATED):
            was = " or ".join(_plain(v) for v in before.values)
            out.append(Change(date, "figure", f"Figure updated: {fact.phrase} (was {was})", since))
    return out


def _developments(
    old: Sequence[TimelineEntry], new: Sequence[TimelineEntry], since: str
) -> list[TimelineEntry]:
    """Dated events not in the story before and not older than it, the newest few."""
    seen = {(t.date, t.text) for t in old}
    texts = {t.text for t in old}
    fresh = [
        t
        for t in new
        if not t.background
        and t.date
        and t.date[:1].isdigit()
        and t.date[:10] >= since[:10]
        and (t.date, t.text) not in seen
        and t.text not in texts
    ]
    fresh.sort(key=lambda t: t.date or "", reverse=True)
    return sorted(fresh[:MAX_DEVELOPMENTS], key=lambda t: t.date or "")


def _plain(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
