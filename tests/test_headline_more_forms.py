"""More headline forms: ages written apart, others beside the dead, one person and a count,
three people named, a numbered death, a double homicide, a mourned death, a shooter's own
death."""

from __future__ import annotations

import pytest

from storyline.analyze.numbers.headline import headline_toll


@pytest.mark.parametrize(
    ("title", "toll"),
    [
        ("Quarrel at Lorne party leaves 17 Year-Old dead", {"killed": 1}),
        ("Tansy Park gunfire leaves 15 year old hurt", {"injured": 1}),
        ("Clerk killed, 5 others shot at Wren Road market", {"killed": 1, "injured": 5}),
        ("Mother, 2 children found dead in Keel County farmhouse", {"killed": 3}),
        ("Woman, 3 others hurt in Orla club shooting", {"injured": 4}),
        ("Man, woman and boy wounded in Pell gunfire", {"injured": 3}),
        ("Third victim dies after Dunmore tavern shooting", {"killed": 3}),
        # the ranks a body reads ("a seventh person has died"), one table for both
        ("Seventh victim dies weeks after Pell Street fire-bombing", {"killed": 7}),
        # a death no one's attack caused is no toll
        ("2 shot dead on Pell Street; boy, 15, dies of asthma attack", {"killed": 2}),
        ("Deputies name man killed in double fatal shooting near Pell", {"killed": 2}),
        ("2 dead, 4 hurt in gunfire at vigil for teen killed in May", {"killed": 2, "injured": 4}),
        ("Farmer kills two sons, then fatally shoots self in Keel County", {"killed": 3}),
        ("Orla man charged in double homicide at Tansy motel", {"killed": 2}),
    ],
)
def test_headline_reads_more_forms(title: str, toll: dict[str, float]) -> None:
    assert headline_toll(title) == toll


@pytest.mark.parametrize(
    "title",
    [
        "Deputies: double murder-suicide in Lorne followed a quarrel",  # three dead, not two
        "Officials name 3 in triple homicide, suicide at Pell farm",
    ],
)
def test_a_murder_suicide_is_no_double_homicide(title: str) -> None:
    assert "killed" not in headline_toll(title)
