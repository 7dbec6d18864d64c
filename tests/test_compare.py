"""Claims across reports: alignment, agreement, qualifiers, conflicts, updates, parties, copies."""

from __future__ import annotations

from storyline.model import Analyzed, Article, ArticleAnalysis, Claim, Mention, Span
from storyline.story.compare.claims import compare_claims, compatible

SPAN = Span(0, 4)


def _claim(
    measure: str,
    value: float,
    about: str,
    *,
    qualifier: str = "exact",
    attribution: str | None = None,
    date: str | None = None,
    counted: str = "people",
) -> Claim:
    return Claim(SPAN, measure, value, qualifier, counted, attribution, date, SPAN, None, about)


def _item(
    article: str,
    *claims: Claim,
    published: str | None = None,
    states: tuple[str, ...] = (),
) -> Analyzed:
    mentions = tuple(Mention(Span(0, len(s)), s, "GPE", s) for s in states)
    return Analyzed(
        Article(article, "text", published=published),
        ArticleAnalysis(article, entities=mentions, claims=claims),
    )


def test_compare_agreed_value_lists_every_report() -> None:
    items = [
        _item("a", _claim("killed", 9, "drone strike on bus in Marino")),
        _item("b", _claim("killed", 9, "strike on minibus in Marino")),
        _item("c", _claim("killed", 9, "attack on bus")),
    ]
    claims, conflicts = compare_claims(items)
    assert conflicts == ()
    (claim,) = claims
    assert (claim.measure, claim.value, claim.articles, claim.independent) == (
        "killed", 9.0, ("a", "b", "c"), 3,
    )  # fmt: skip
    assert {c.article for c in claim.citations} == {"a", "b", "c"}


def test_compare_disagreement_keeps_values_and_sources() -> None:
    items = [
        _item("a", _claim("injured", 7, "strike on bus in Marino", attribution="the governor")),
        _item("b", _claim("injured", 5, "strike on bus in Marino", attribution="local officials")),
    ]
    claims, (conflict,) = compare_claims(items)
    assert claims == ()
    assert conflict.kind == "number"
    assert {(v.value, v.articles, v.attribution) for v in conflict.values} == {
        (7.0, ("a",), "the governor"),
        (5.0, ("b",), "local officials"),
    }


def test_compare_same_measure_different_event_not_aligned() -> None:
    items = [
        _item("a", _claim("killed", 9, "strike on bus in Marino")),
        _item("b", _claim("killed", 4, "shelling in Dolna, Brest")),
    ]
    claims, conflicts = compare_claims(items)
    assert conflicts == ()
    assert sorted(c.value for c in claims) == [4.0, 9.0]


def test_compare_aggregate_not_aligned_with_single_event() -> None:
    items = [
        _item("a", _claim("killed", 9, "strike on bus in Marino")),
        _item("b", _claim("killed", 12, "strikes in Marino")),
    ]
    _claims, conflicts = compare_claims(items)
    assert conflicts == ()


def test_compare_qualifiers_do_not_contradict() -> None:
    assert compatible(_claim("killed", 5, "", qualifier="at_least"), _claim("killed", 7, ""))
    assert compatible(_claim("killed", 100, "", qualifier="at_least"), _claim("killed", 120, ""))
    assert compatible(_claim("killed", 10, "", qualifier="at_most"), _claim("killed", 9, ""))
    assert not compatible(_claim("killed", 5, ""), _claim("killed", 7, ""))
    assert not compatible(_claim("killed", 10, "", qualifier="at_least"), _claim("killed", 7, ""))
    items = [
        _item("a", _claim("killed", 5, "fire in Orlov", qualifier="at_least")),
        _item("b", _claim("killed", 7, "fire in Orlov")),
    ]
    (claim,), conflicts = compare_claims(items)
    assert conflicts == ()
    assert (claim.value, claim.qualifier, claim.articles) == (7.0, "exact", ("a", "b"))


def test_compare_later_higher_toll_is_an_update() -> None:
    items = [
        _item("a", _claim("killed", 3, "fire in Orlov"), published="2025-03-10T08:00"),
        _item("b", _claim("killed", 5, "fire in Orlov"), published="2025-03-11T09:00"),
    ]
    _claims, (conflict,) = compare_claims(items)
    assert conflict.kind == "update"
    assert [v.value for v in conflict.values] == [3.0, 5.0]


def test_compare_same_moment_is_a_conflict_not_update() -> None:
    items = [
        _item("a", _claim("killed", 3, "fire in Orlov"), published="2025-03-10"),
        _item("b", _claim("killed", 5, "fire in Orlov"), published="2025-03-10"),
    ]
    _claims, (conflict,) = compare_claims(items)
    assert conflict.kind == "number"


def test_compare_copies_count_once() -> None:
    items = [
        _item("wire", _claim("killed", 6, "derailment in Orlov")),
        _item("copy", _claim("killed", 6, "derailment in Orlov")),
        _item("other", _claim("killed", 6, "derailment in Orlov")),
    ]
    (claim,), _ = compare_claims(items, duplicate_of={"copy": "wire"})
    assert len(claim.articles) == 3
    assert claim.independent == 2


def test_compare_party_claim_kept_apart() -> None:
    items = [
        _item("a", _claim("killed", 9, "strike on bus in Marino")),
        _item("b", _claim("killed", 9, "strike on bus in Marino", attribution="Ostland"),
              states=("Ostland",)),
        _item("c", _claim("killed", 9, "strike on bus in Marino",
                          attribution="Ostland's defence ministry")),
    ]  # fmt: skip
    claims, _ = compare_claims(items)
    neutral = [c for c in claims if c.attribution is None]
    parties = [c for c in claims if c.attribution is not None]
    assert [c.articles for c in neutral] == [("a",)]
    assert sorted(c.articles for c in parties) == [("b",), ("c",)]


def test_compare_party_against_neutral_is_a_conflict() -> None:
    items = [
        _item("a", _claim("shot_down", 30, "attack in Marino", counted="drones")),
        _item("b", _claim("shot_down", 45, "attack in Marino", counted="drones",
                          attribution="the army")),
    ]  # fmt: skip
    claims, (conflict,) = compare_claims(items)
    assert {c.attribution for c in claims} == {None, "the army"}
    assert {v.value for v in conflict.values} == {30.0, 45.0}


def test_compare_canonical_places_align() -> None:
    items = [
        _item("a", _claim("killed", 4, "shelling in Kyjiv")),
        _item("b", _claim("killed", 6, "shelling in Kiev")),
    ]
    names = {"Kyjiv": "Kyiv", "Kiev": "Kyiv"}
    _claims, (conflict,) = compare_claims(items, canonical=lambda _a, n: names.get(n, n))
    assert {v.value for v in conflict.values} == {4.0, 6.0}


def test_compare_parts_and_amounts_not_aligned() -> None:
    from storyline.analyze.numbers.victims import ANAPHORIC

    items = [
        _item("a", _claim("injured", 9, "fire in Orlov"),
              _claim("injured", 3, "fire in Orlov", counted=ANAPHORIC)),
        _item("b", _claim("money", 5e6, "fire in Orlov", counted="dollars")),
    ]  # fmt: skip
    claims, conflicts = compare_claims(items)
    assert conflicts == ()
    assert [(c.measure, c.value) for c in claims] == [("injured", 9.0)]


def test_compare_dates_tell_events_apart() -> None:
    items = [
        _item("a", _claim("killed", 2, "shelling in Orlov", date="2025-03-10")),
        _item("b", _claim("killed", 5, "shelling in Orlov", date="2025-03-12")),
    ]
    _claims, conflicts = compare_claims(items)
    assert conflicts == ()


def test_compare_sources_of_one_person_named_once() -> None:
    items = [
        _item("a", _claim("killed", 6, "fire in Orlov", attribution="Governor Ivo Petrak")),
        _item("b", _claim("killed", 6, "fire in Orlov", attribution="Mr Petrak")),
        _item("c", _claim("killed", 6, "fire in Orlov", attribution="police")),
    ]
    (claim,), _ = compare_claims(items)
    assert claim.attribution == "Governor Ivo Petrak; police"


def test_compare_unresolved_dates_do_not_split() -> None:
    items = [
        _item("a", _claim("killed", 2, "fire in Orlov", date="XXXX-XX-XX")),
        _item("b", _claim("killed", 2, "fire in Orlov", date="2025-03-12")),
    ]
    (claim,), _ = compare_claims(items)
    assert claim.articles == ("a", "b")
