"""Time expressions, ninth round of issue 14 on wire news (branch s36a): the causes of
AQUAINT half A read one by one (fiction: every sentence is made up)."""

from __future__ import annotations

from datetime import date
from typing import Any

from time_values import time_values

#: A Wednesday.
ANCHOR = date(2032, 3, 17)


def test_a_fronted_now_or_currently_with_a_comma_is_no_time(nlp: Any) -> None:
    # set off by a comma at the head of a sentence, the word turns the telling
    found = time_values(
        nlp,
        "The ferry to Osk ran late for years. Now, the harbour board says it will buy a boat.",
        ANCHOR,
    )
    assert not any(text.lower() == "now" for text, _ in found), found
    found = time_values(nlp, "Currently, the Velm bakery sells rye bread on weekdays only.", ANCHOR)
    assert not any(text.lower() == "currently" for text, _ in found), found
    # inside the clause, or fronted with no comma, it is still now
    found = time_values(nlp, "The Velm bakery currently sells rye bread, its owner said.", ANCHOR)
    assert ("currently", "PRESENT_REF") in found, found
    found = time_values(
        nlp, "The ferry ran late for years. Now officials in Osk want a second boat.", ANCHOR
    )
    assert ("Now", "PRESENT_REF") in found, found
