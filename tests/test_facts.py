"""One truth per fact: each figure in one state (story/facts.py)."""

from __future__ import annotations

from storyline.model import Article, Conflict, ConflictValue, StoryClaim
from storyline.story.facts import (
    AGREED,
    DISPUTED,
    SINGLE,
    fact_states,
    leans_back,
    outlet_keys,
    reconcile,
)

ARTICLES = {
    "a": Article("a", "", source="Ledger"),
    "b": Article("b", "", source="Herald"),
    "c": Article("c", "", source="Ledger"),
    "d": Article("d", ""),
}
OUTLET = outlet_keys(list(ARTICLES), ARTICLES, {})


def _claim(value: float, articles: tuple[str, ...], about: str = "bus strike") -> StoryClaim:
    return StoryClaim("injured", value, about, None, articles, "exact", "people", len(articles))


def test_outlets_fold_reports_of_one_outlet_and_copies() -> None:
    keys = outlet_keys(["a", "b", "c", "d", "e"], ARTICLES, {"e": "b"})
    assert keys["a"] == keys["c"]  # two reports of the Ledger: one source
    assert keys["e"] == keys["b"]  # a copy counts with its original
    assert keys["d"] != keys["a"]  # no outlet: a source of its own


def test_a_figure_that_is_a_side_of_a_dispute_joins_it() -> None:
    conflict = Conflict(
        "injured", "bus strike", (ConflictValue(14, ("a",), None), ConflictValue(19, ("b",), None))
    )
    claims, conflicts = reconcile([_claim(14, ("d",))], [conflict], OUTLET)
    assert claims == ()
    assert conflicts[0].values[0].articles == ("a", "d")
    facts = fact_states(claims, conflicts, OUTLET)
    assert [(f.state, f.values) for f in facts] == [(DISPUTED, (14, 19))]


def test_two_outlets_giving_different_values_disagree() -> None:
    claims, conflicts = reconcile(
        [_claim(7, ("a",)), _claim(9, ("b",), "strike on bus")], [], OUTLET
    )
    assert claims == ()
    assert [v.value for v in conflicts[0].values] == [7, 9]


def test_one_outlet_giving_two_values_is_not_a_dispute_between_sources() -> None:
    claims, conflicts = reconcile([_claim(7, ("a",)), _claim(9, ("c",))], [], OUTLET)
    assert conflicts == ()
    assert len(claims) == 2


def test_history_is_never_news_and_unrelated_events_stay_apart() -> None:
    claims, conflicts = reconcile(
        [_claim(7, ("a",)), _claim(3, ("b",), "bus strike (2019)"), _claim(2, ("d",), "flood")],
        [],
        OUTLET,
    )
    assert conflicts == ()
    facts = {f.values[0]: f for f in fact_states(claims, conflicts, OUTLET)}
    assert not facts[3].readable  # a 2019 figure is not listed as if it were new
    assert facts[7].readable and facts[7].state == SINGLE


def test_one_figure_in_two_records_is_one_fact_counted_by_outlet() -> None:
    claims, _ = reconcile([_claim(5, ("a", "c")), _claim(5, ("b",))], [], OUTLET)
    assert len(claims) == 1 and claims[0].articles == ("a", "b", "c")
    assert claims[0].independent == 2
    assert fact_states(claims, (), OUTLET)[0].state == AGREED
    lone, _ = reconcile([_claim(5, ("a", "c"))], [], OUTLET)
    assert lone[0].independent == 1  # two reports of one outlet are one source


def test_phrase_reads_as_words() -> None:
    fact = fact_states([_claim(9, ("a", "b"))], (), OUTLET)[0]
    assert fact.phrase == "9 people injured — bus strike"


def test_leaning_lines() -> None:
    assert leans_back("It had informed staff representatives")
    assert leans_back("“They said so")
    assert not leans_back("Italy said the talks failed")


def test_facts_a_headline_figure_takes_the_state_of_the_fact_holding_it() -> None:
    from storyline.model import Fact, Figure, FigureValue
    from storyline.story.facts import figure_states

    lone = Fact("injured", "bus strike", SINGLE, "4 injured", (4.0,), ("a", "c"), 1)
    assert figure_states([Figure("injured", 4.0, AGREED, ("a", "c"))], [lone])[0].status == SINGLE
    # reports' leads differ, but the other value is another event's: the fact is agreed
    agreed = Fact("killed", "strike on a bus", AGREED, "9 killed", (9.0,), ("a", "b"), 2)
    other = Fact("killed", "shelling", DISPUTED, "5 or 10 killed", (5.0, 10.0), ("b", "d"), 2)
    sides = (FigureValue(9.0, ("a", "b")), FigureValue(10.0, ("d",)))
    figure = Figure("killed", 9.0, DISPUTED, ("a", "b"), reason="2 sources give 9", values=sides)
    (settled,) = figure_states([figure], [agreed, other])
    assert (settled.status, settled.values, settled.reason) == (AGREED, (), None)


def test_facts_a_figure_no_fact_holds_keeps_its_own_state() -> None:
    from storyline.model import Fact, Figure
    from storyline.story.facts import figure_states

    other = Fact("killed", "flood", AGREED, "9 killed", (9.0,), ("a", "b"), 2)
    figure = Figure("killed", 2.0, "updated", ("b",), reason="the latest report gives 2")
    assert figure_states([figure], [other]) == (figure,)


def test_facts_an_agreed_figure_joins_a_disagreement_found_among_single_sources() -> None:
    agreed = _claim(1, ("a", "b"), "shooting")
    claims, conflicts = reconcile(
        [agreed, _claim(1, ("d",), "strike at the hospital"), _claim(3, ("b",), "strike")],
        [],
        OUTLET,
    )
    assert claims == ()
    assert [v.value for v in conflicts[0].values] == [1, 3]
    assert set(conflicts[0].values[0].articles) == {"a", "b", "d"}
