"""The words and numbers of a sentence are read once and kept: the same answers each time.

``summary.text`` keeps what ``content_words`` and ``numbers_in`` found for recent
sentences; each call still gets its own set or list (a caller may change it), in the
order a fresh reading gives, and a whole report (longer than a sentence) is not kept.
"""

from __future__ import annotations

from storyline.story.summary import text as summary_text
from storyline.story.summary.text import content_words, numbers_in

SENTENCE = "Nine people were killed and 1,200 wounded when the stands gave way on Friday."


def test_summary_text_kept_words_are_a_fresh_set_each_time() -> None:
    first = content_words(SENTENCE)
    assert {"9", "kill", "injur", "stand"} <= first
    first.add("changed")
    again = content_words(SENTENCE)
    assert "changed" not in again and again == first - {"changed"}
    assert list(again) == list(set(summary_text._content_stems.__wrapped__(SENTENCE)))


def test_summary_text_kept_numbers_are_a_fresh_list_each_time() -> None:
    first = numbers_in(SENTENCE)
    assert first == [9.0, 1200.0]
    first.append(3.0)
    assert numbers_in(SENTENCE) == [9.0, 1200.0]


def test_summary_text_kept_not_a_whole_report() -> None:
    report = " ".join([SENTENCE] * 40)
    before = summary_text._content_stems.cache_info().currsize
    assert content_words(report) == content_words(SENTENCE)
    assert numbers_in(report) == [9.0, 1200.0] * 40
    assert summary_text._content_stems.cache_info().currsize <= before + 1
