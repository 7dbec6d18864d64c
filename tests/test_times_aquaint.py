"""Time expressions, ninth round of issue 14 on wire news (branch s36a): the causes of
AQUAINT half A read one by one (fiction: every sentence is made up)."""

from __future__ import annotations

from datetime import date
from typing import Any

from storyline.analyze.times import extract_times

#: A Wednesday.
ANCHOR = date(2032, 3, 17)


def _values(nlp: Any, text: str, anchor: date = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in extract_times(nlp(text), anchor)]


def test_a_fronted_now_or_currently_with_a_comma_is_no_time(nlp: Any) -> None:
    # set off by a comma at the head of a sentence, the word turns the telling
    found = _values(
        nlp, "The ferry to Osk ran late for years. Now, the harbour board says it will buy a boat."
    )
    assert not any(text.lower() == "now" for text, _ in found), found
    found = _values(nlp, "Currently, the Velm bakery sells rye bread on weekdays only.")
    assert not any(text.lower() == "currently" for text, _ in found), found
    # inside the clause, or fronted with no comma, it is still now
    found = _values(nlp, "The Velm bakery currently sells rye bread, its owner said.")
    assert ("currently", "PRESENT_REF") in found, found
    found = _values(nlp, "The ferry ran late for years. Now officials in Osk want a second boat.")
    assert ("Now", "PRESENT_REF") in found, found
