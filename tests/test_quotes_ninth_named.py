"""Ninth round on speakers: another named person chosen, pronouns and titles, read from
PolNeAR train errors and checked on our own fiction."""

from __future__ import annotations

from typing import Any

from quote_speaker import speaker_of


def test_a_surname_the_tagger_took_for_a_modal_speaks(nlp: Any) -> None:
    text = (
        "The columnist Harold Will has little patience for the harbour plan. “The pier is a "
        "folly and the council knows it,” Will wrote on Sunday."
    )
    assert speaker_of(nlp, text, "folly") == ("Harold Will", "Will")


def test_a_surname_modal_speaks_not_the_one_it_describes(nlp: Any) -> None:
    text = (
        "The columnist Harold Will has little patience for the harbour plan. Will described "
        "the mayor as a “captain without a ship” and urged voters to stay home."
    )
    assert speaker_of(nlp, text, "captain")[0] == "Harold Will"


def test_a_modal_is_no_name_when_no_one_of_that_name_is_in_the_article(nlp: Any) -> None:
    text = (
        "The columnist Harold Wills has little patience for the harbour plan. “The pier is a "
        "folly,” Will wrote on Sunday."
    )
    assert speaker_of(nlp, text, "folly")[0] != "Harold Will"


def test_a_participle_after_a_clause_with_its_own_subject_is_that_subjects(nlp: Any) -> None:
    text = (
        "“Who remembers how many votes we lost?” Lind asks as a porter walks past her, "
        "saying he is “here to mend the broken window.”"
    )
    assert speaker_of(nlp, text, "broken window") == (None, "a porter")
    text = (
        "Lind spoke at the hall, where about forty skippers had gathered on Friday, chanting "
        "“no pier, no vote” after the council met."
    )
    assert speaker_of(nlp, text, "no pier") == (None, "about forty skippers")


def test_a_participle_after_an_infinitive_clause_stays_the_main_subjects(nlp: Any) -> None:
    text = (
        "In March, the harbour master called for Kerr to step down, calling him “a disgrace "
        "to the whole town and its skippers.”"
    )
    assert speaker_of(nlp, text, "disgrace")[1] == "the harbour master"


def test_a_conjunct_whose_object_is_him_is_not_the_reported_subjects(nlp: Any) -> None:
    text = (
        "Vera Lind, campaigning in Ostrel, said Kerr is to blame for the closure and accused "
        "him of “wrecking the harbour for a headline.” She praised the skippers."
    )
    assert speaker_of(nlp, text, "wrecking")[0] == "Vera Lind"
    text = "Lind said Kerr had lost the vote and called him “a captain without a ship.”"
    assert speaker_of(nlp, text, "captain")[0] == "Lind"


def test_in_someones_words_gives_the_quote_to_them(nlp: Any) -> None:
    text = (
        "The pier draws crowds because, in the Gazette’s words, “it is the finest walk on "
        "the whole northern coast.” Tourism has grown every year."
    )
    assert speaker_of(nlp, text, "finest walk")[0] == "Gazette"


def test_from_someones_post_gives_the_quote_to_them_not_the_site(nlp: Any) -> None:
    text = (
        "Aides say the mayor will back the plan. From Kerr's Facebook post: “We must keep "
        "the pier open for the skippers and their families.”"
    )
    assert speaker_of(nlp, text, "keep the pier") == ("Kerr", "Kerr")


def test_who_as_the_object_of_a_named_callers_verb(nlp: Any) -> None:
    text = (
        "Much of Lind’s anger was aimed at Kerr, who Lind on Monday called “a reckless and "
        "petty man.”"
    )
    assert speaker_of(nlp, text, "petty man")[0] == "Lind"


def test_a_quote_between_dashes_is_the_clause_befores_not_the_cue_after(nlp: Any) -> None:
    text = (
        "Lind did not speak at the hall. And although harbour master Jonas Kerr lamented her "
        'habit of missing meetings - "why would anyone trust a chair who never turns up?" - '
        "the skippers at Monday's vote told reporters they were calm."
    )
    assert speaker_of(nlp, text, "never turns up")[0] == "Jonas Kerr"
