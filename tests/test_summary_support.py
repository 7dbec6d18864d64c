"""Support verification of summary sentences (story/summary/support.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from storyline.model import Analyzed, Article, ArticleAnalysis, Boilerplate, Mention, Span
from storyline.story.summary.sentences import find_candidates
from storyline.story.summary.support import find_support, idf_of, read_doc
from tests.test_summary import sentences


def _item(
    text: str, names: Mapping[str, tuple[str, str]], debris: tuple[str, ...] = ()
) -> Analyzed:
    mentions = [
        Mention(Span(text.index(n), text.index(n) + len(n)), n, label, key)
        for n, (label, key) in names.items()
    ]
    boiler = tuple(
        Boilerplate(Span(text.index(b), text.index(b) + len(b)), "related-link") for b in debris
    )
    analysis = ArticleAnalysis(
        "a",
        sentences=sentences(text),
        entities=tuple(sorted(mentions, key=lambda m: m.span.start)),
        boilerplate=boiler,
    )
    return Analyzed(Article(id="a", text=text, source="Outlet a"), analysis)


def _supported(
    item: Analyzed, canon: Callable[[str, str], str], variants: Mapping[str, str]
) -> dict[str, bool]:
    docs = {"a": read_doc(item, canon, variants)}
    idf = idf_of(docs.values())
    return {
        c.text: bool(find_support(c, docs, idf, {}, variants))
        for c in find_candidates(item, canon, variants, {})
    }


def test_surname_is_not_a_generations_suffix() -> None:
    from storyline.story.summary.text import surname

    assert surname("George M. Reed III") == "Reed"
    assert surname("Tomas Reed Jr.") == "Reed"
    assert surname("Ilsa Brandt") == "Brandt"


def test_summary_support_a_surname_of_a_name_with_a_suffix() -> None:
    text = "Police found Reed shot inside his overturned car on Kessel Road in Vellmar."
    item = _item(text, {"Reed": ("PERSON", "Reed")})
    canon = {"Reed": "George M. Reed III"}
    assert _supported(item, lambda _a, n: canon.get(n, n), {}) == {text: True}


def test_summary_support_the_name_as_the_sentence_writes_it() -> None:
    text = "Tomas Reed, 26, pleaded guilty on Monday, according to Vellmar County court records."
    item = _item(
        text, {"Tomas Reed": ("PERSON", "Tomas Reed"), "Vellmar County": ("GPE", "Vellmar County")}
    )
    variants = {
        "vellmar county": "Vellmar County Coroner",
        "vellmar county coroner": "Vellmar County Coroner",
    }
    assert _supported(item, lambda _a, n: n, variants) == {text: True}


def test_summary_support_a_sentence_after_a_video_line_run_into_it() -> None:
    text = (
        "VIDEO: Ilsa Brandt reports from Kessel\n\n"
        "Police said Tomas Reed was found shot on Mill Street."
    )
    item = _item(
        text,
        {"Tomas Reed": ("PERSON", "Tomas Reed"), "Ilsa Brandt": ("PERSON", "Ilsa Brandt")},
        debris=("VIDEO: Ilsa Brandt reports from Kessel",),
    )
    item = Analyzed(
        item.article,
        ArticleAnalysis(
            "a",
            sentences=(Span(0, len(text)),),
            entities=item.analysis.entities,
            boilerplate=item.analysis.boilerplate,
        ),
    )
    assert _supported(item, lambda _a, n: n, {}) == {
        "Police said Tomas Reed was found shot on Mill Street.": True
    }


def test_summary_support_a_place_as_the_sentence_writes_it() -> None:
    text = "A Vellmar woman whose son found her rifle was given two years in the county jail."
    item = _item(text, {"Vellmar": ("GPE", "Vellmar")})
    variants = {
        "vellmar": "Vellmar Municipal Court",
        "vellmar municipal court": "Vellmar Municipal Court",
    }
    assert _supported(item, lambda _a, n: n, variants) == {text: True}


def test_support_inner_capitals_are_capitalised_words_inside_the_sentence() -> None:
    from storyline.story.summary.support import _inner_capitals

    text = (
        "Police said Reed's van, found by the Kessel Fire-Rescue crew near O'Brien Street, "
        'was towed. "Nobody saw It," said Ilsa Brandt\u2019s aide, '
        "ON duty at IBM and the Depot's gate."
    )
    assert _inner_capitals.__wrapped__(text) == (
        "Reed",
        "Kessel",
        "Street",
        "Ilsa",
        "Brandt",
        "Depot",
    )
