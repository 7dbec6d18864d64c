"""A headline's second count that is no more people: some of the first told by their
condition ("4 shot, 2 seriously hurt": four), an earlier shooting at the same place
("... where 3 were hit two weeks ago"), and a headline over several incidents."""

from __future__ import annotations

import pytest

from storyline.analyze.numbers.headline import headline_toll


@pytest.mark.parametrize(
    ("title", "toll"),
    [
        ("4 people shot, 2 seriously injured outside Pell arcade", {"shot": 4}),
        ("Seven shot, one critically hurt at Orla block party", {"shot": 7}),
        ("6 wounded on Keel street where 3 were hit two weeks ago", {"injured": 6}),
        ("2 hurt at Lorne park where a teen was killed last month", {"injured": 2}),
        ("Boy, 3 others hurt in 2 overnight shooting incidents in Keel", {}),
    ],
)
def test_the_second_count_adds_no_one(title: str, toll: dict[str, float]) -> None:
    assert headline_toll(title) == toll


@pytest.mark.parametrize(
    ("title", "toll"),
    [
        # the dead and the wounded beside them are apart
        ("1 dead, 2 critically injured in Orla shooting", {"killed": 1, "injured": 2}),
        ("Clerk killed, 2 seriously hurt in Pell robbery", {"killed": 1, "injured": 2}),
        # a first count told as earlier is still the headline's toll
        ("2 shot last week in Pell, police say", {"shot": 2}),
    ],
)
def test_counts_that_stand(title: str, toll: dict[str, float]) -> None:
    assert headline_toll(title) == toll
