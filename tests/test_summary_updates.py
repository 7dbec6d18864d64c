"""What an updated page (a copy of its first version) adds to the summary
(story/summary/updates.py)."""

from __future__ import annotations

from storyline.story.summary.updates import added_by_copy
from tests.test_summary import art, run

FIRST = (
    "A boy of nine shot himself with a gun he found in a purse in Vellmar on Saturday. "
    "Police said the boy was taken to a hospital in Kessel. "
    "Officers searched the house on Elm Street in Vellmar for more weapons."
)
ADDED = "The mother of the boy was charged with child neglect in Vellmar on Wednesday."


def test_summary_updates_a_copy_tells_the_sentences_its_original_lacks() -> None:
    first = art("a", FIRST, published="2025-03-01")
    update = art("b", FIRST + " " + ADDED, published="2025-03-05")
    added = added_by_copy([first, update], {"b": "a"})
    spans = update.analysis.sentences
    assert [added(update, s) for s in spans] == [False, False, False, True]
    summary = run([first, update], duplicate_of={"b": "a"})
    assert [s.text for s in summary if s.text == ADDED] == [ADDED]
    # what both say is told once, from the original
    assert sum("shot himself" in s.text for s in summary) <= 1


def test_summary_updates_a_copy_edited_for_style_adds_nothing() -> None:
    first = art("a", FIRST)
    edited = art("b", FIRST.replace("Police said", "Police say"))
    added = added_by_copy([first, edited], {"b": "a"})
    assert not any(added(edited, s) for s in edited.analysis.sentences)
    assert not any(added(first, s) for s in first.analysis.sentences)  # an original is no copy
