"""Claim extraction: measures, composites, victims without digits, attribution, events."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.claims import extract_claims, incident_counts
from storyline.model import Claim, Mention, Span


def _claims(nlp: Any, text: str) -> tuple[Claim, ...]:
    doc = nlp(text)
    mentions = tuple(
        Mention(Span(e.start_char, e.end_char), e.text, e.label_, e.text) for e in doc.ents
    )
    return extract_claims(doc, mentions, ())


def _table(nlp: Any, text: str) -> list[tuple[str, float, str]]:
    return [(c.measure, c.value, c.qualifier) for c in _claims(nlp, text)]


def test_claims_composite_killed_and_injured(nlp: Any) -> None:
    text = "A shell hit the market in Tarvik, killing nine people and injuring five."
    assert _table(nlp, text) == [("killed", 9.0, "exact"), ("injured", 5.0, "exact")]


def test_claims_composite_drones_launched_shot_down(nlp: Any) -> None:
    text = (
        "The rebels launched 48 drones overnight, the navy reported. "
        "It said 30 of those drones were shot down and four more strayed off course."
    )
    claims = _claims(nlp, text)
    assert [(c.measure, c.value, c.counted) for c in claims] == [
        ("launched", 48.0, "drones"),
        ("shot_down", 30.0, "drones"),
        ("other", 4.0, "drones"),
    ]
    # "It said" points back to the navy
    assert {c.attribution for c in claims} == {"navy"}


def test_claims_swap_each(nlp: Any) -> None:
    claims = _claims(nlp, "The two sides agreed to swap 300 detainees each.")
    assert [(c.measure, c.value, c.counted) for c in claims if c.measure != "other"] == [
        ("prisoners_exchanged", 300.0, "detainees")
    ]


def test_claims_rate_per_week(nlp: Any) -> None:
    claims = _claims(nlp, "The war is killing more than 2,000 fighters a week, he wrote.")
    assert [(c.measure, c.value, c.qualifier) for c in claims] == [
        ("killed_per_week", 2000.0, "at_least")
    ]


def test_claims_villages_captured(nlp: Any) -> None:
    claims = _claims(nlp, "The army said its units had taken control of four villages.")
    assert [(c.measure, c.value, c.attribution) for c in claims] == [("captured", 4.0, "army")]


def test_claims_durations_money_percent(nlp: Any) -> None:
    table = _table(nlp, "After a two-hour call, the fund pledged $3 million, or 5 percent more.")
    assert table == [("duration", 2.0, "exact"), ("money", 3e6, "exact"), ("percent", 5.0, "exact")]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A man was killed when his van hit a wall.", 1, 0),
        ("Two people were shot, one fatally, on Canal Street.", 1, 1),
        ("A woman and her two sons were killed in the blaze.", 3, 0),
        ("No one was hurt when the crane toppled.", 0, 0),
        ("The driver was pronounced dead at the scene.", 1, 0),
        ("A cyclist was taken to hospital with non-life-threatening injuries.", 0, 1),
        ("A boy was stabbed on Friday. He died in hospital.", 1, 0),
        ("A woman was injured in the crash. She later died.", 1, 0),
        ("One man died and two others were wounded.", 1, 2),
        ("Elena Marsh, 52, died at the scene.", 1, 0),
        ("The bodies of three hikers were recovered.", 3, 0),
        ("The death toll rose to 12 on Sunday.", 12, 0),
        ("The other 20 guests were not hurt.", 0, 0),
        ("A gunman killed two people before taking his own life.", 3, 0),
        ("Five people were hurt. All three of the dead were guests.", 3, 5),
        ("Three people were shot. One of them died.", 1, 2),
        ("The fire claimed the lives of two brothers.", 2, 0),
        ("The blast sent four workers to the hospital.", 0, 4),
        ("Two men were found shot to death in a garage.", 2, 0),
        ("A hiker injured in a fall last week has died from his injuries.", 1, 0),
        ("A diver is missing and presumed drowned.", 0, 0),
        ("A girl was bitten by a dog in the park.", 0, 1),
        ("One person is dead after a two-vehicle collision.", 1, 0),
        ("A 15-year-old was stabbed outside the cinema.", 0, 1),
        ("One resident was treated for burns, and a firefighter was taken to hospital.", 0, 2),
        ("The crash left one man dead and another in critical condition.", 1, 1),
        ("The driver survived the crash with a broken arm.", 0, 1),
        ("Her brother escaped injury.", 0, 0),
        ("Two managers, Ana Riva and Li Chen, were wounded.", 0, 2),
        ("The mother of three died on Friday.", 1, 0),
        ("No-one was injured in the blaze.", 0, 0),
        ("He was charged with plotting to kill three officers.", 0, 0),
        ("None of the 140 passengers were injured.", 0, 0),
        ("Eight guests were sickened by fumes.", 0, 8),
        ("The woman who died was 40.", 1, 0),
        ("A man who shot two officers was arrested.", 0, 2),
        # a death said again of the dead already counted lowers no injured figure
        ("One man died and two others were hurt on Elm Street. He died at the scene.", 1, 2),
        (
            "A woman was shot on Pine Road. "
            "She was taken to Arden General, where she died that night.",
            1,
            0,
        ),
        ("Two men were wounded and transported themselves to a hospital.", 0, 2),
        ("A man shot himself in the foot on Oak Lane and later died at a hospital.", 1, 0),
        # one more person after a count of several is one of them, told victim by victim
        ("Four men were injured on Birch Lane. Another man was hurt in the hand.", 0, 4),
        ("A man was injured on Birch Lane. Another man was hurt in the hand.", 0, 2),
        # a victim named again by her surname is the same person
        ("Marta Quill died on Sunday night. Quill was wounded in the neck, police said.", 1, 0),
        # an amount of money beside a harm word counts no victims (a video caption's caps)
        ("TAVERN SHOOTING $2.5 million bail for man held over Dock Street gunfire", 0, 0),
    ],
)
def test_claims_incident_counts_common_phrasings(
    nlp: Any, text: str, killed: int, injured: int
) -> None:
    assert incident_counts(_claims(nlp, text)) == {"killed": killed, "injured": injured}


def test_claims_background_year_is_not_the_incident() -> None:
    span = Span(0, 1)
    claims = [
        Claim(span, "killed", 2.0, "exact", "people", None, None, span),
        Claim(span, "killed", 5.0, "exact", "people", None, "2019", span),
    ]
    assert incident_counts(claims)["killed"] == 2.0


def test_claims_attribution_according_to(nlp: Any) -> None:
    text = "Seven people were injured, according to regional governor Ivo Petrak."
    (claim,) = _claims(nlp, text)
    assert claim.attribution == "regional governor Ivo Petrak"


def test_claims_attribution_trailing_said(nlp: Any) -> None:
    (claim,) = _claims(nlp, "Four people were killed, police said.")
    assert claim.attribution == "police"


def test_claims_attribution_claimed(nlp: Any) -> None:
    (claim,) = _claims(nlp, "The defence ministry claimed its forces destroyed 20 drones.")
    assert (claim.measure, claim.attribution) == ("shot_down", "defence ministry")


def test_claims_attribution_next_sentence_about_victims(nlp: Any) -> None:
    text = (
        "A shell hit a bus in Marino, killing six people and injuring eight. "
        "Local officials said two children were among the victims."
    )
    claims = [c for c in _claims(nlp, text) if c.measure in ("killed", "injured")]
    assert [c.attribution for c in claims] == ["Local officials", "Local officials"]


def test_claims_outlet_itself_when_no_source(nlp: Any) -> None:
    (claim,) = _claims(nlp, "A storm flooded 40 homes.")
    assert claim.attribution is None


def test_claims_about_names_event_target_and_place(nlp: Any) -> None:
    text = "A drone hit a bus in Marino, killing six people."
    (claim,) = _claims(nlp, text)
    assert claim.about == "drone strike on bus in Marino"
    assert text[claim.span.start : claim.span.end] == "six"
    assert (claim.sentence.start, claim.sentence.end) == (0, len(text))


def test_claims_back_reference_joins_earlier_event(nlp: Any) -> None:
    text = (
        "A drone hit a bus in Marino, killing six people. "
        "Eight more were hurt in that attack in Velka."
    )
    doc = nlp(text)
    places = tuple(
        Mention(Span(text.index(name), text.index(name) + len(name)), name, "GPE", name)
        for name in ("Marino", "Velka")
    )
    _killed, injured = extract_claims(doc, places, ())
    assert injured.about == "drone strike on bus in Marino, Velka"


def test_claims_subset_is_marked_as_part(nlp: Any) -> None:
    from storyline.analyze.numbers.victims import PART

    claims = _claims(nlp, "Nine people were injured, three of them seriously.")
    assert [(c.value, c.counted == PART) for c in claims] == [(9.0, False), (3.0, True)]


def test_claims_date_from_sentence_time(nlp: Any) -> None:
    from storyline.model import TimeExpr

    text = "On Friday, a blast injured 11 workers."
    doc = nlp(text)
    start = text.index("Friday")
    time = TimeExpr(Span(start, start + 6), "Friday", "DATE", "2025-03-14", "day")
    (claim,) = extract_claims(doc, (), (time,))
    assert claim.date == "2025-03-14"
