"""A line in title case is a headline's."""

from __future__ import annotations

from storyline.story.headline_case import title_cased


def test_a_headline_in_title_case() -> None:
    assert title_cased("Singer Heads Into Detox After the Tour")


def test_a_sentence_is_not_in_title_case() -> None:
    assert not title_cased("Flooding closed the road to Orvale on Monday.")
    assert not title_cased("Orvale Shuts")  # too short to tell
