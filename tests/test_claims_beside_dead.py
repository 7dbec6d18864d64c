"""The wounded told beside the dead: after "left ... dead and", "along with", and the people
taken to hospital where some of them died."""

from __future__ import annotations

from typing import Any

from claim_counts import counts


def test_others_wounded_after_the_dead_of_a_clause(nlp: Any) -> None:
    # the parser joins "others" to the noun before the clause, "wounded" hangs on "others"
    text = (
        "Police are looking into a brawl that left two cooks dead and three others wounded "
        "on Elm Street."
    )
    assert counts(nlp, text) == (2, 3)


def test_one_injured_after_the_dead_of_a_clause(nlp: Any) -> None:
    text = (
        "Detectives say the fight that left three cousins dead and one injured outside a "
        "Delta Road garage began over money."
    )
    assert counts(nlp, text) == (3, 1)


def test_along_with_names_one_more_victim(nlp: Any) -> None:
    text = "Both brothers were shot, along with a third man, just after midnight."
    assert counts(nlp, text) == (0, 3)


def test_along_with_the_suspect_is_no_victim(nlp: Any) -> None:
    text = "A man was shot on Birch Lane. He was taken to Orla General, along with the suspect."
    assert counts(nlp, text) == (0, 1)


def test_taken_to_hospital_where_one_of_them_died(nlp: Any) -> None:
    text = (
        "Tam was shot in the neck and his nephew was hit in the arm. The two were taken to "
        "the hospital, where Tam died. The nephew was listed in serious condition."
    )
    assert counts(nlp, text) == (1, 1)


def test_taken_to_hospital_where_both_died(nlp: Any) -> None:
    text = (
        "Two brothers were shot on Birch Lane. The two were taken to Orla General, where both died."
    )
    assert counts(nlp, text) == (2, 0)
