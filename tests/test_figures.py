"""A story's headline figures: agreed, single source, updated, disputed, derived, background."""

from __future__ import annotations

from dataclasses import replace

from figure_reports import claim, report

from storyline.analyze.numbers.victims import ANAPHORIC
from storyline.model import Analyzed, Article, ArticleAnalysis, Claim, Span
from storyline.story.figures import story_figures

_claim = claim


def _report(aid: str, published: str | None, *claims: Claim) -> Analyzed:
    return report(aid, published, *claims)


def _table(*reports: Analyzed, dups: dict[str, str] | None = None) -> dict[str, tuple]:
    return {
        f.measure: (f.value, f.status, f.derived, [v.value for v in f.values])
        for f in story_figures(reports, dups)
    }


def test_figures_agreed_and_single_source() -> None:
    a = _report("a", "2025-05-01", _claim("killed", 1, 0), _claim("injured", 2, 50))
    b = _report("b", "2025-05-01", _claim("killed", 1, 0))
    assert _table(a, b) == {
        "killed": (1, "agreed", None, []),
        "injured": (2, "single source", None, []),
    }


def test_figures_copies_count_once() -> None:
    a = _report("a", "2025-05-01", _claim("killed", 1, 0))
    b = _report("b", "2025-05-01", _claim("killed", 1, 0))
    assert _table(a, b, dups={"b": "a"})["killed"][1] == "single source"


def test_figures_two_shot_one_fatally_is_one_killed_one_injured() -> None:
    a = _report("a", "2025-05-01", _claim("shot", 2, 0), _claim("killed", 1, 3))
    assert _table(a) == {
        "killed": (1, "single source", None, []),
        "injured": (1, "single source", "shot 2 − killed 1", []),
    }


def test_figures_later_report_updates_the_toll() -> None:
    first = _report("a", "2025-05-01", _claim("killed", 1, 0), _claim("injured", 2, 50))
    later = _report("b", "2025-05-03", _claim("killed", 2, 0), _claim("injured", 1, 50))
    figures = {f.measure: f for f in story_figures([first, later])}
    assert (figures["killed"].value, figures["killed"].status) == (2, "updated")
    assert (figures["injured"].value, figures["injured"].status) == (1, "updated")
    assert figures["killed"].reason and "2025-05-03" in figures["killed"].reason
    assert [v.value for v in figures["killed"].values] == [1, 2]


def test_figures_dispute_stands_by_most_sources_and_keeps_both() -> None:
    a = _report("a", "2025-05-01", _claim("injured", 3, 0))
    b = _report("b", "2025-05-01", _claim("injured", 3, 0))
    c = _report("c", "2025-05-01", _claim("injured", 5, 0))
    figure = story_figures([a, b, c])[0]
    assert (figure.value, figure.status, figure.articles) == (3, "disputed", ("a", "b"))
    assert figure.reason == "2 independent sources give 3, more than any other value"
    assert [(v.value, v.articles) for v in figure.values] == [(3, ("a", "b")), (5, ("c",))]


def test_figures_background_toll_is_not_the_incidents() -> None:
    a = _report("a", "2025-05-01", _claim("injured", 1, 0), _claim("killed", 45, 50, "2025-04"))
    assert _table(a) == {"injured": (1, "single source", None, [])}


def test_figures_explicit_zero_is_a_figure() -> None:
    a = _report("a", "2025-05-01", _claim("killed", 1, 0), _claim("injured", 0, 50))
    assert _table(a)["injured"] == (0, "single source", None, [])


def test_figures_toll_far_down_a_report_yields_to_its_lead() -> None:
    # the lead gives the toll; a related story further down gives another
    a = _report("a", "2025-05-01", _claim("injured", 1, 0), _claim("injured", 9, 400))
    assert _table(a)["injured"][0] == 1


def test_figures_a_lead_that_only_refers_back_does_not_stop_the_reading() -> None:
    # "she is home again after being shot" in the lead, "three teens were shot" below
    back = replace(_claim("shot", 1, 0), counted=ANAPHORIC)
    a = _report("a", "2025-05-01", back, _claim("shot", 3, 400))
    assert _table(a)["injured"][0] == 3


def test_figures_a_stated_value_before_a_derived_one_between_equals() -> None:
    # "three were wounded" in one outlet; a later one says only "five were shot, one died"
    a = _report("a", "2025-05-01", _claim("killed", 1, 0), _claim("injured", 3, 50))
    b = _report("b", "2025-05-02", _claim("shot", 5, 0), _claim("killed", 1, 50))
    b = replace(b, article=replace(b.article, source="other.example"))
    a = replace(a, article=replace(a.article, source="one.example"))
    table = _table(a, b)
    assert table["injured"][0] == 3
    assert table["killed"][:2] == (1, "agreed")


def test_figures_other_counts() -> None:
    a = _report("a", "2025-05-01", _claim("killed", 1, 0), _claim("arrested", 2, 100))
    assert _table(a)["arrested"] == (2, "single source", None, [])


def test_figures_shot_alone_takes_the_storys_dead_from_the_shot() -> None:
    # one report says only that two were shot; another that one of them died
    a = _report("a", "2025-05-01", _claim("shot", 2, 0))
    b = _report("b", "2025-05-02", _claim("killed", 1, 0), _claim("injured", 1, 50))
    table = _table(a, b)
    assert table["killed"][:2] == (1, "single source")
    assert table["injured"][:2] == (1, "agreed")
    alone = _table(a)["injured"]
    assert alone[:3] == (2, "single source", "shot 2 − killed 0")


def test_figures_shot_with_the_reports_own_zero_dead_is_kept() -> None:
    # a report that says "no one died" keeps its own figure
    a = _report("a", "2025-05-01", _claim("shot", 2, 0), _claim("killed", 0, 50))
    b = _report("b", "2025-05-02", _claim("killed", 1, 0))
    assert _table(a, b)["injured"][0] == 2


def _text_report(aid: str, text: str, *claims: Claim) -> Analyzed:
    sentences = tuple(Span(i * 50, i * 50 + 40) for i in range(10))
    analysis = ArticleAnalysis(aid, sentences=sentences, claims=claims)
    return Analyzed(Article(id=aid, text=text, published="2025-05-01"), analysis)


def test_figures_a_roundup_toll_is_not_the_incidents() -> None:
    # "six were wounded in separate shootings" sums several incidents
    text = "Six were wounded in separate shootings.".ljust(50) + "A man was shot on Fir Road."
    a = _text_report("a", text, _claim("injured", 6, 0), _claim("shot", 1, 50))
    assert _table(a)["injured"][0] == 1
    single = _text_report("b", "Six were wounded in a shooting at a bar.", _claim("injured", 6, 0))
    assert _table(single)["injured"][0] == 6


def _titled(aid: str, title: str, *claims: Claim) -> Analyzed:
    sentences = tuple(Span(i * 50, i * 50 + 40) for i in range(10))
    analysis = ArticleAnalysis(aid, sentences=sentences, claims=claims)
    return Analyzed(Article(id=aid, text="x" * 500, title=title, published="2025-05-01"), analysis)


def test_figures_a_toll_only_in_the_headline_is_read() -> None:
    # the body names only "the victims"; the headline gives the toll
    a = _titled("a", "2 dead, 3 wounded in Lorne Street shooting")
    assert _table(a) == {
        "killed": (2, "single source", "the headline", []),
        "injured": (3, "single source", "the headline", []),
    }
    # people shot beside the dead are the injured
    b = _titled("b", "Police: 4 shot, 1 dead at Dell Park")
    assert _table(b)["injured"][:3] == (3, "single source", "shot 4 − killed 1 (the headline)")


def test_figures_the_headline_fills_what_the_body_leaves_out() -> None:
    # the body's "a man was shot" is silent on deaths; the headline says he died
    a = _titled("a", "Man shot, killed on Rue Avenue", _claim("shot", 1, 0))
    assert _table(a)["killed"][0] == 1
    assert _table(a)["injured"][:3] == (0, "single source", "shot 1 − killed 1 (the headline)")
    # where both give one, the headline's stands (test_figures_headline_over_body.py)
    b = _titled("b", "3 hurt in Pike Road shooting", _claim("injured", 4, 0))
    assert _table(b)["injured"][:3] == (3, "single source", "the headline (the body: 4)")


def test_figures_a_shot_figure_below_the_dead_is_no_injured_count() -> None:
    # "two men died … one was shot in the head": the shot are a part of the dead
    a = _report("a", "2025-05-01", _claim("killed", 2, 0), _claim("shot", 1, 50))
    b = _report("b", "2025-05-02", _claim("killed", 2, 0), _claim("injured", 1, 50))
    assert "injured" not in _table(a)
    assert _table(a, b)["injured"][:2] == (1, "single source")


def test_figures_a_headline_over_a_roundup_lead_is_the_roundups_sum() -> None:
    # "5 shot, 2 fatally, across the city": the lead sums separate shootings
    text = "Five were shot in separate shootings.".ljust(50) + "A man was shot on Fir Road."
    head = "5 shot, 2 fatally, across Lorne"
    a = Analyzed(
        Article(id="a", text=text, title=head, published="2025-05-01"),
        ArticleAnalysis(
            "a",
            sentences=tuple(Span(i * 50, i * 50 + 40) for i in range(10)),
            claims=(_claim("shot", 5, 0), _claim("shot", 1, 50)),
        ),
    )
    assert "killed" not in _table(a)
    assert _table(a)["injured"][0] == 1


def _of(item: Analyzed, source: str) -> Analyzed:
    return replace(item, article=replace(item.article, source=source))


def test_figures_between_outlets_as_many_the_fewer_wounded() -> None:
    # one outlet counts four wounded, a later one six (the night's other shooting)
    a = _of(_report("a", "2025-05-01", _claim("injured", 4, 0)), "one.example")
    b = _of(_report("b", "2025-05-02", _claim("injured", 6, 0)), "two.example")
    figure = story_figures([a, b])[0]
    assert (figure.value, figure.status) == (4, "disputed")
    assert figure.reason and "fewest wounded" in figure.reason
    assert [v.value for v in figure.values] == [4, 6]


def test_figures_an_outlet_that_updates_itself_stands_by_its_later_figure() -> None:
    # the same outlet first says four wounded, then six: its own update
    a = _of(_report("a", "2025-05-01", _claim("injured", 4, 0)), "one.example")
    b = _of(_report("b", "2025-05-02", _claim("injured", 6, 0)), "one.example")
    c = _of(_report("c", "2025-05-01", _claim("injured", 4, 0)), "two.example")
    d = _of(_report("d", "2025-05-02", _claim("injured", 6, 0)), "three.example")
    assert story_figures([a, b, c, d])[0].value == 6
