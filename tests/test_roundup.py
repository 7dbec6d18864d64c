"""Sentences that sum several incidents (a roundup, a blotter, a tally) and their limits."""

from __future__ import annotations

import pytest
from figure_reports import claim

from storyline.analyze.numbers.headline import headline_toll
from storyline.analyze.numbers.roundup import sums_incidents
from storyline.model import Analyzed, Article, ArticleAnalysis, Claim, Span
from storyline.story.figures import story_figures


@pytest.mark.parametrize(
    "sentence",
    [
        # several incidents named as such
        "Three men were hurt in four separate Hollin Bay shootings on Sunday.",
        "Two women were wounded in separate shooting incidents, deputies said.",
        "A boy and a man were hurt in two Friday night shootings in Darrow.",
        "Nine people were shot at five crime scenes on the east side.",
        "In a separate incident, two men were shot outside a Tolley Road store.",
        # a place-wide count
        "Eleven other people were wounded in gunfire citywide.",
        # a period's tally
        "At least 14 people were shot in Carden between Friday evening and early Monday.",
        "From Friday through Sunday, gunfire wounded 19 people in Marlow.",
        "Six people were shot in a four-hour span in Brisbury.",
        "Four more people have been wounded in Ostler since last weekend.",
        "Seven people were hurt in the past two weeks in Pennick, police said.",
        "It was a violent night in Stanmore, as eight people were shot.",
    ],
)
def test_a_sentence_that_sums_several_incidents(sentence: str) -> None:
    assert sums_incidents(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Two men were shot outside a Tolley Road store on Friday night.",
        "The boy who was hurt has since gone home to his family.",
        "Deputies have been at the house since Monday night, after two people were shot.",
        "Relatives said they were in the hours after the shooting at the hospital.",
        "Police say a deadly weekend shooting at a Lorne party left one man dead.",
    ],
)
def test_a_sentence_of_one_incident_sums_none(sentence: str) -> None:
    assert not sums_incidents(sentence)


def test_a_tally_in_a_later_clause_leaves_the_first_count() -> None:
    # the count of the incident comes first; the period's tally is told after "where"
    text = "Four people were shot on Cray Street, where five more were hurt since Friday."
    assert not sums_incidents(text, text.index("Four"))
    assert sums_incidents(text, text.index("five"))
    # a roundup told first covers what follows
    text = "Police are looking into separate shootings, which left three people hurt."
    assert sums_incidents(text, text.index("three"))


@pytest.mark.parametrize(
    "title",
    [
        "Violent night in Harwell leaves 2 dead, 7 hurt",
        "Five hurt in two separate incidents in Peyton",
        "10 people shot over three days in Corbin",
    ],
)
def test_a_headline_that_sums_several_incidents_gives_no_toll(title: str) -> None:
    assert headline_toll(title) == {}


def _report(text: str, *claims: Claim) -> Analyzed:
    sentences = tuple(Span(i * 80, i * 80 + 79) for i in range(5))
    analysis = ArticleAnalysis("a", sentences=sentences, claims=claims)
    return Analyzed(Article(id="a", text=text, published="2025-05-01"), analysis)


def _at(measure: str, value: float, text: str, word: str) -> Claim:
    at = text.index(word)
    start = at - at % 80
    c = claim(measure, value, at)
    return Claim(c.span, c.measure, c.value, c.qualifier, c.counted, c.attribution, c.date,
                 Span(start, start + 79))  # fmt: skip


def test_a_period_tally_in_a_lead_is_not_the_incidents_toll() -> None:
    text = "Nine people were shot in Orrin between Friday evening and early Monday.".ljust(
        80
    ) + "A man was shot on Quill Lane on Saturday night.".ljust(80)
    a = _report(text, _at("shot", 9, text, "Nine"), _at("shot", 1, text, "A man"))
    injured = {f.measure: f.value for f in story_figures([a])}["injured"]
    assert injured == 1


def test_the_incidents_count_before_a_later_tally_stands() -> None:
    text = "Four people were shot on Cray Street, where five more were hurt since Friday."
    a = _report(text, _at("shot", 4, text, "Four"), _at("injured", 5, text, "five"))
    assert {f.measure: f.value for f in story_figures([a])}["injured"] == 4
