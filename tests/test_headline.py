"""A headline's toll, read without a parse: counts before harm words, verbs before counts."""

from __future__ import annotations

import pytest

from storyline.analyze.numbers.headline import headline_toll


@pytest.mark.parametrize(
    ("title", "toll"),
    [
        ("3 killed, 2 hurt in Dunmore tavern shooting", {"killed": 3, "injured": 2}),
        ("Police: 5 shot, 2 dead outside Larkfield rink - WXYQ 9 News", {"shot": 5, "killed": 2}),
        ("Seven shot, one fatally, at Renwick block party", {"shot": 7, "killed": 1}),
        ("Woman fatally shot, two others wounded in Pell City", {"killed": 1, "injured": 2}),
        ("Teen shot, killed near Orchard Park", {"killed": 1}),
        ("Man shot dead by deputies after chase", {"killed": 1}),
        ("Husband, wife found shot to death in Corvale home", {"killed": 2}),
        ("14-year-old girl critically injured in Brent Street shooting", {"injured": 1}),
        ("9-year-old seriously wounded by stray bullet", {"injured": 1}),
        ("Boy, 6, grazed by bullet; woman shot in arm", {"injured": 1, "shot": 1}),
        ("Gunman shoots 3 people at Harlow gas station", {"shot": 3}),
        ("Police: Clerk fatally shoots robber at Tenley market", {"killed": 1}),
        ("Toddler accidentally shoots 4-year-old brother", {"shot": 1}),
        ("Hunter accidentally shot himself in the foot", {"injured": 1}),
        ("Double shooting under Marsh Avenue bridge", {"shot": 2}),
        ("2 Girls, 2 Men Shot At Lakeside Cookout In Dorrance", {"shot": 4}),
        ("3 Men, 1 Teen Hurt In Tavern Parking Lot Gunfire", {"injured": 4}),
    ],
)
def test_headline_toll_reads_the_set_forms(title: str, toll: dict[str, float]) -> None:
    assert headline_toll(title) == toll


@pytest.mark.parametrize(
    "title",
    [
        "Girls, 5 and 8, shot at Pinecrest playground",  # ages, with no count of people
        "6 killed, 31 wounded in weekend shootings across the city",  # a roundup
        "22 people shot in Easton in 36-hour span",  # a period's count
        "People shot at Rowan fair, police say",  # plural, no number
        "Shooting at Kell Street bar under investigation",  # no toll
        "Police investigating Sunday shooting - Channel 12 - 24 hours news",  # the outlet's name
        None,
    ],
)
def test_headline_toll_gives_none_where_there_is_no_count(title: str | None) -> None:
    assert headline_toll(title) == {}
