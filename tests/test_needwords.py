"""A search skipped when the text lacks the words every match holds: the same answers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.needwords import may_match, search, words_needed
from storyline.analyze.numbers.roundup import ROUNDUP
from storyline.story.summary.edit import _LINK_BAIT
from storyline.story.summary.sentences import _DEBRIS

RULES = (_DEBRIS, _LINK_BAIT, ROUNDUP)

FICTION = (
    "Two men were wounded in separate shootings across Larkfield overnight, police said.",
    "Read more at www.example-gazette.test or sign up for our newsletter.",
    "Photo: Greta Holm © 2031 The Harbour Courier",
    "A violent weekend left three dead between Friday night and Sunday morning.",
    "The ferry captain said the crossing was calm until a wave struck the bow.",
    "SUBSCRIBE NOW • Breaking news » Local",
    "Watch the video of the rescue in our gallery.",
    "Officers found the car abandoned near the quarry road on Tuesday.",
    "Three people were shot in the city since Tuesday afternoon.",
    "The mayor spoke at the opening of the new footbridge.",
)


def test_words_needed_are_read_from_the_patterns() -> None:
    debris = words_needed(_DEBRIS)
    assert debris is not None and {"@", "http", "©", "•", "|"} <= set(debris)
    bait = words_needed(_LINK_BAIT)
    assert bait is not None and {"newsletter", "subscribe", "sponsored"} <= set(bait)
    roundup = words_needed(ROUNDUP)
    assert roundup is not None and {"shootings", "since", "separate"} <= set(roundup)


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"harbour\s+master", ("harbour",)),  # the longer word
        (r"\b(?:pier|jetty) fire\b", ("fire",)),  # one word rather than two
        (r"\bsays?\b", ("say",)),  # an optional letter needs nothing
        (r"[ab]x", ("x",)),
        (r"[ab]\d", ("a", "b")),
        (r"(?:quay)?side", ("side",)),
        (r"\d+ Boats", ("boats",)),  # lowercase
        (r"\.\s*,", (",",)),
    ],
)
def test_words_needed_of_small_patterns(pattern: str, words: tuple[str, ...]) -> None:
    assert words_needed(re.compile(pattern)) == words


@pytest.mark.parametrize("pattern", [r"\w+", r"(?:ferry)?", r"x?|y", r"[^a]b?", r"\s+"])
def test_patterns_needing_nothing_known(pattern: str) -> None:
    assert words_needed(re.compile(pattern)) is None


@pytest.mark.parametrize("text", FICTION)
def test_search_answers_as_the_pattern(text: str) -> None:
    for rule in RULES:
        assert (search(rule, text) is None) == (rule.search(text) is None)
        if rule.search(text) is not None:
            assert may_match(rule, text)


def test_folded_letters_are_searched_whole() -> None:
    """IGNORECASE takes "ı", "ſ" and "İ" for "i", "s" and "i": such a text is searched."""
    rule = re.compile(r"\bclick here\b", re.IGNORECASE)
    for text in ("Clİck here for photos", "clıck here", "Click here"):
        assert rule.search(text) is not None
        assert search(rule, text) is not None
    rule = re.compile(r"subscribe", re.IGNORECASE)
    assert search(rule, "ſubscribe") is not None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"abcdefghijklmnopqrstuvwxyz .,:@|©•»«İıſK\n",
                "shootings",
                "separate",
                "since Friday",
                "across the city",
                "wounded",
                "three",
                "hour span",
                "www.",
                "http://",
                "photo: ",
                "newsletter",
                "our site",
                "Sign up",
                "SUBSCRIBE",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_search_answers_as_the_pattern_on_drawn_texts(text: str) -> None:
    for rule in RULES:
        assert (search(rule, text) is None) == (rule.search(text) is None)
