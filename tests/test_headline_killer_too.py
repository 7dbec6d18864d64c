"""A headline's killer who took his own life is one of the dead: "Man kills wife, 2 sons,
then himself" (four), "Farmer kills 3-year-old son in murder-suicide" (two)."""

from __future__ import annotations

import pytest

from storyline.analyze.numbers.headline import headline_toll


@pytest.mark.parametrize(
    ("title", "toll"),
    [
        ("Lorne man kills wife, 2 sons, then himself", {"killed": 4}),
        ("Clerk fatally shoots 3 coworkers, self at Pell depot", {"killed": 4}),
        ("Tenant kills neighbor, her daughter, himself in Orla", {"killed": 3}),
        ("Farmer killed wife and himself, deputies say", {"killed": 2}),
        ("Farmer kills 3-year-old son in Keel County murder-suicide", {"killed": 2}),
    ],
)
def test_the_killer_is_counted_among_the_dead(title: str, toll: dict[str, float]) -> None:
    assert headline_toll(title) == toll


@pytest.mark.parametrize(
    ("title", "toll"),
    [
        # the dead already count him
        ("2 dead in Tansy Road murder-suicide", {"killed": 2}),
        # a wound, not a death
        ("Man shoots wife, then himself on Wren Road", {}),
        # not all the listed are people
        ("Man kills dog, then himself", {}),
    ],
)
def test_no_killer_added(title: str, toll: dict[str, float]) -> None:
    assert headline_toll(title) == toll
