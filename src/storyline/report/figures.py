"""The story's headline figures as the top of its page shows them (HTML and Markdown)."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.model import Figure
from storyline.report.view import Ref, StoryView, value_text

#: How a measure reads at the top of a page.
LABELS = {"killed": "Killed", "injured": "Injured", "arrested": "Arrested",
          "missing": "Missing", "evacuated": "Evacuated", "displaced": "Displaced"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class FigureSide:
    """One value reports gave, with their outlets and citation markers."""

    value: str
    outlets: tuple[str, ...]
    refs: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One headline figure: label, value, status, how it was had, and every value given."""

    label: str
    value: str
    status: str
    note: str  # "shot 3 − killed 1", "the latest report (2025-05-19) gives 2", or ""
    refs: tuple[Ref, ...]
    sides: tuple[FigureSide, ...]  # when reports differ


def figure_rows(view: StoryView) -> list[FigureRow]:
    """The rows of the headline figures box, in the story's order."""
    return [_row(view, f) for f in view.story.figures]


def _row(view: StoryView, f: Figure) -> FigureRow:
    notes = [n for n in (f.derived, f.reason) if n]
    sides = tuple(
        FigureSide(
            value_text(v.value),
            view.outlets(v.articles),
            tuple(view.refs(v.citations, v.articles)),
        )
        for v in f.values
    )
    return FigureRow(
        LABELS.get(f.measure, f.measure.replace("_", " ").capitalize()),
        value_text(f.value),
        f.status,
        "; ".join(notes),
        tuple(view.refs(f.citations, f.articles)),
        sides,
    )
