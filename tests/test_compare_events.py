"""Alignment across reports: one event per group, background figures, amounts, sources."""

from __future__ import annotations

from storyline.model import Analyzed, Article, ArticleAnalysis, Claim, Mention, Span
from storyline.story.compare.claims import compare_claims

SPAN = Span(0, 4)


def _claim(
    measure: str,
    value: float,
    about: str = "",
    *,
    attribution: str | None = None,
    date: str | None = None,
    counted: str = "people",
    span: Span = SPAN,
    sentence: Span = SPAN,
) -> Claim:
    return Claim(span, measure, value, "exact", counted, attribution, date, sentence, None, about)


def _item(article: str, *claims: Claim, text: str = "text", orgs: tuple[str, ...] = ()) -> Analyzed:
    mentions = tuple(
        Mention(Span(text.index(o), text.index(o) + len(o)), o, "ORG", o) for o in orgs
    )
    return Analyzed(
        Article(article, text), ArticleAnalysis(article, entities=mentions, claims=claims)
    )


def _amount(article: str, sentence: str, figure: str, measure: str, value: float, org: str,
            counted: str = "percent", attribution: str | None = None) -> Analyzed:  # fmt: skip
    start = sentence.index(figure)
    where = Span(start, start + len(figure))
    claim = _claim(measure, value, counted=counted, attribution=attribution, span=where,
                   sentence=Span(0, len(sentence)))  # fmt: skip
    return _item(article, claim, text=sentence, orgs=(org,))


def test_compare_events_background_toll_not_compared_with_today() -> None:
    items = [
        _item("a", _claim("killed", 1, "crash in Laramie")),
        _item(
            "b", _claim("killed", 1, "crash in Laramie"), _claim("killed", 3, "crash", date="XXXX")
        ),
    ]
    claims, conflicts = compare_claims(items)
    assert conflicts == ()
    assert sorted((c.value, c.articles) for c in claims) == [(1.0, ("a", "b")), (3.0, ("b",))]


def test_compare_events_background_of_a_year_kept_apart() -> None:
    items = [
        _item("a", _claim("killed", 2, "shooting in Fairmont", date="2026-11-21")),
        _item("b", _claim("killed", 5, "shooting in Fairmont", date="2024")),
    ]
    assert compare_claims(items)[1] == ()


def test_compare_events_different_places_same_measure_not_conflicted() -> None:
    items = [
        _item("a", _claim("injured", 2, "shooting in Hartwell")),
        _item("b", _claim("injured", 4, "shooting in Dunmore")),
    ]
    claims, conflicts = compare_claims(items)
    assert conflicts == ()
    assert len(claims) == 2


def test_compare_events_different_event_words_not_conflicted() -> None:
    items = [
        _item("a", _claim("killed", 1, "fire in Carver")),
        _item("b", _claim("killed", 2, "crash in Carver")),
    ]
    assert compare_claims(items)[1] == ()


def test_compare_events_different_days_not_conflicted() -> None:
    items = [
        _item("a", _claim("killed", 1, "crash in Carver", date="2026-11-20")),
        _item("b", _claim("killed", 2, "crash in Carver", date="2026-11-22")),
    ]
    assert compare_claims(items)[1] == ()


def test_compare_events_share_moves_agree_across_reports() -> None:
    items = [
        _amount(
            "a", "Shares in Halvex Corp fell 12% on Tuesday.", "12%", "percent", 12, "Halvex Corp"
        ),
        _amount(
            "b",
            "Halvex Corp stock dropped 12 per cent.",
            "12 per cent",
            "percent",
            12,
            "Halvex Corp",
        ),
    ]
    (claim,) = compare_claims(items)[0]
    assert (claim.measure, claim.value, claim.articles) == ("percent", 12.0, ("a", "b"))
    assert claim.about == "Halvex Corp shares down"


def test_compare_events_share_moves_disagree() -> None:
    items = [
        _amount(
            "a", "Shares in Halvex Corp fell 12% on Tuesday.", "12%", "percent", 12, "Halvex Corp"
        ),
        _amount(
            "b", "Halvex Corp shares slumped 15% on Tuesday.", "15%", "percent", 15, "Halvex Corp"
        ),
    ]
    claims, (conflict,) = compare_claims(items)
    assert claims == ()
    assert sorted(v.value for v in conflict.values) == [12.0, 15.0]


def test_compare_events_other_quantity_or_direction_not_aligned() -> None:
    items = [
        _amount("a", "Halvex Corp shares fell 12%.", "12%", "percent", 12, "Halvex Corp"),
        _amount("b", "Halvex Corp revenue rose 5%.", "5%", "percent", 5, "Halvex Corp"),
        _amount("c", "Halvex Corp shares rose 3% a day later.", "3%", "percent", 3, "Halvex Corp"),
    ]
    assert compare_claims(items) == ((), ())


def test_compare_events_money_fines_compared() -> None:
    items = [
        _amount(
            "a",
            "Brent Water was fined $2 million over the spill.",
            "$2 million",
            "money",
            2e6,
            "Brent Water",
            counted="dollars",
        ),
        _amount(
            "b",
            "A judge ordered Brent Water to pay a $2.5 million fine.",
            "$2.5 million",
            "money",
            2.5e6,
            "Brent Water",
            counted="dollars",
        ),
    ]
    _claims, (conflict,) = compare_claims(items)
    assert conflict.measure == "money"


def test_compare_events_vague_amount_stays_with_its_report() -> None:
    items = [
        _amount(
            "a",
            "Brent Water said it spent $2 million.",
            "$2 million",
            "money",
            2e6,
            "Brent Water",
            counted="dollars",
        ),
        _amount(
            "b",
            "Brent Water said it spent $3 million.",
            "$3 million",
            "money",
            3e6,
            "Brent Water",
            counted="dollars",
        ),
    ]
    assert compare_claims(items) == ((), ())


def test_compare_events_agreed_figure_lists_named_sources() -> None:
    items = [
        _item("a", _claim("killed", 2, "crash in Carver", attribution="state police")),
        _item("b", _claim("killed", 2, "crash in Carver")),
        _item("c", _claim("killed", 2, "crash in Carver", attribution="the county coroner")),
    ]
    (claim,) = compare_claims(items)[0]
    assert claim.attribution == "state police; the county coroner"


def test_compare_events_source_from_another_mention_of_the_same_figure() -> None:
    # report a gives the figure twice; only its second mention names who says so
    items = [
        _item(
            "a",
            _claim("killed", 2, "crash in Carver"),
            _claim("killed", 2, "crash in Carver", attribution="state police"),
        ),
        _item("b", _claim("killed", 2, "crash in Carver")),
    ]
    (claim,) = compare_claims(items)[0]
    assert claim.attribution == "state police"


def test_compare_events_background_figure_says_it_is_history() -> None:
    items = [
        _item(
            "a", _claim("killed", 1, "crash in Laramie"), _claim("killed", 3, "crash", date="2025")
        ),
    ]
    claims, _ = compare_claims(items)
    assert sorted(c.about for c in claims) == ["crash (2025)", "crash in Laramie"]
