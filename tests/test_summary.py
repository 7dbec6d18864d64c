"""Cited summaries: selection, verified citations, repaired or skipped context, no repeats."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from storyline.model import (
    Analyzed,
    Article,
    ArticleAnalysis,
    Boilerplate,
    Citation,
    Mention,
    Span,
    StoryClaim,
    SummarySentence,
    TimeExpr,
    TimelineEntry,
)
from storyline.story.summary.summarize import content_words, numbers_in, quoted_in, summarize

PEOPLE = {"Ilsa Brandt": "Ilsa Brandt", "Brandt": "Ilsa Brandt", "Tomas Reed": "Tomas Reed"}
PLACES = ("Vellmar", "Kessel", "Dornach")


def sentences(text: str) -> tuple[Span, ...]:
    out = []
    for m in re.finditer(r"[^\n]+?(?:[.!?][\u201d\"]?(?=\s|$)|$)", text):
        start = m.start()
        while start < m.end() and text[start].isspace():
            start += 1
        if m.end() > start:
            out.append(Span(start, m.end()))
    return tuple(out)


def art(
    aid: str,
    text: str,
    *,
    source: str | None = None,
    published: str | None = None,
    boilerplate: Sequence[str] = (),
    days: Mapping[str, str] | None = None,
) -> Analyzed:
    """A fiction report analysed by hand: sentences by punctuation, names by table."""
    mentions = []
    taken: list[Span] = []
    names = [(n, "PERSON", k) for n, k in PEOPLE.items()] + [(p, "GPE", p) for p in PLACES]
    for name, label, key in sorted(names, key=lambda x: -len(x[0])):
        for m in re.finditer(re.escape(name), text):
            span = Span(m.start(), m.end())
            if not any(span.overlaps(t) for t in taken):
                taken.append(span)
                mentions.append(Mention(span, name, label, key))
    mentions.sort(key=lambda m: m.span.start)
    debris = tuple(
        Boilerplate(Span(text.index(b), text.index(b) + len(b)), "caption") for b in boilerplate
    )
    times = tuple(
        TimeExpr(Span(text.index(w), text.index(w) + len(w)), w, "DATE", value, "day")
        for w, value in (days or {}).items()
    )
    return Analyzed(
        Article(id=aid, text=text, source=source or f"Outlet {aid}", published=published),
        ArticleAnalysis(
            aid,
            boilerplate=debris,
            sentences=sentences(text),
            entities=tuple(mentions),
            times=times,
        ),
    )


def run(items: Sequence[Analyzed], **kw: object) -> tuple[SummarySentence, ...]:
    args: dict[str, object] = {
        "claims": (),
        "conflicts": (),
        "quotes": (),
        "timeline": (),
        "entities": (),
    }
    args.update(kw)
    return summarize(items, **args)  # type: ignore[arg-type]


def by_text(summary: Sequence[SummarySentence], needle: str) -> SummarySentence:
    return next(s for s in summary if needle in s.text)


def test_summary_cites_every_supporting_article() -> None:
    items = [
        art(
            "a",
            "Floodwater killed nine people in the river town of Vellmar on Sunday, officials said.",
        ),
        art("b", "Officials said floodwater killed nine people in the town of Vellmar on Sunday."),
        art(
            "c",
            "Floodwater killed 9 people in the river town of Vellmar on Sunday, officials said.",
        ),
    ]
    summary = run(items)
    assert len(summary) == 1  # the three say the same thing: one sentence
    assert set(summary[0].citations) == {"a", "b", "c"}
    for passage in summary[0].passages:
        assert passage.span is not None
        assert (
            passage.span
            in next(i for i in items if i.article.id == passage.article).analysis.sentences
        )


def test_summary_citation_dropped_when_number_missing() -> None:
    tail = "people in the river town of Vellmar on Sunday, officials said."
    items = [
        art("a", f"Floodwater killed nine {tail}"),
        art("b", f"Floodwater killed seven {tail}"),
    ]
    summary = run(items)
    assert len(summary) == 1  # the same words with another number: said once, cited once
    (only,) = summary
    words = set(re.findall(r"[a-z]+", only.text.lower()))
    assert len(words & {"nine", "seven"}) == 1, only.text  # one number, whole words only
    own = "a" if "nine" in words else "b"
    assert only.citations == (own,)
    assert [p.article for p in only.passages] == [own]


def test_summary_citation_dropped_when_name_missing() -> None:
    items = [
        art("a", "Mayor Ilsa Brandt said the dam at Kessel held through the long night of rain."),
        art("b", "Mayor Tomas Reed said the dam at Kessel held through the long night of rain."),
    ]
    summary = run(items)
    assert by_text(summary, "Ilsa Brandt").citations == ("a",)


def test_summary_citation_dropped_when_quote_altered() -> None:
    tail = "rise so fast,\u201d Ilsa Brandt said in Vellmar on Sunday."
    items = [
        art("a", f"\u201cWe have never seen the river {tail}"),
        art("b", f"\u201cWe have never seen the water {tail}"),
    ]
    (only,) = run(items)
    assert only.citations == (("a",) if "river" in only.text else ("b",))


def test_summary_repairs_leading_pronoun() -> None:
    text = (
        "Mayor Ilsa Brandt visited the flooded shelters in Vellmar on Monday morning. "
        "He added that the dam at Kessel had held through the night of heavy rain."
    )
    summary = run([art("a", text)])
    texts = [s.text for s in summary]
    assert any(t.startswith("Ilsa Brandt added that the dam") for t in texts)
    assert not any(t.startswith(("He ", "She ")) for t in texts)


def test_summary_skips_pronoun_without_antecedent() -> None:
    text = (
        "He added that the dam at Kessel had held through the night of heavy rain. "
        "Rescue teams from Dornach reached the town of Vellmar by Sunday evening."
    )
    summary = run([art("a", text)])
    assert [s.text for s in summary] == [
        "Rescue teams from Dornach reached the town of Vellmar by Sunday evening."
    ]


def test_summary_skips_sentences_that_lost_their_context() -> None:
    text = (
        "The agency claimed the river had peaked before midnight on Sunday in Vellmar. "
        "It was the worst flood the valley had seen in a generation of farmers. "
        "This came after three days of rain over the hills above Kessel and Dornach. "
        "His words were heard by the crowd gathered near the town hall of Vellmar. "
        "Rescue teams from Dornach reached the town of Vellmar by Sunday evening."
    )
    summary = run([art("a", text)])
    assert [s.text for s in summary] == [
        "Rescue teams from Dornach reached the town of Vellmar by Sunday evening."
    ]


def test_summary_never_shows_page_debris() -> None:
    caption = "Rescue boats on the river in Vellmar on Sunday evening, as seen from the bridge."
    text = (
        f"{caption}\n"
        "By Ilsa Brandt and the staff of the Ledger in the town of Vellmar today\n"
        "Also read: Floods in the valley over the last ten years and what they cost.\n"
        "Photo: The river at dusk near the town hall of Vellmar on a rainy day.\n"
        "FLOOD WARNING ISSUED FOR THE WHOLE VALLEY ON SUNDAY NIGHT.\n"
        "Rescue teams from Dornach reached the town of Vellmar by Sunday evening."
    )
    summary = run([art("a", text, boilerplate=[caption])])
    assert [s.text for s in summary] == [
        "Rescue teams from Dornach reached the town of Vellmar by Sunday evening."
    ]


def test_summary_no_two_sentences_carry_one_claim() -> None:
    a = "Floodwater killed nine people in Vellmar on Sunday, officials said after the storm."
    b = "Nine people died in the Vellmar flood, according to the regional rescue services."
    items = [art("a", a), art("b", b)]
    claim = StoryClaim(
        "killed",
        9,
        "Vellmar flood",
        None,
        ("a", "b"),
        independent=2,
        citations=(Citation("a", Span(0, len(a))), Citation("b", Span(0, len(b)))),
    )
    summary = run(items, claims=(claim,))
    assert len([s for s in summary if numbers_in(s.text) and 9 in numbers_in(s.text)]) == 1


def test_summary_prefers_facts_confirmed_by_several_outlets() -> None:
    shared = "Rescue teams from Dornach reached the town of Vellmar by Sunday evening."
    items = [
        art("a", f"A bakery in Vellmar handed out free bread to the rescue teams. {shared}"),
        art("b", f"{shared} The bakery stayed open all night."),
        art("c", f"Officials said that {shared[0].lower()}{shared[1:]}"),
    ]
    summary = run(items, max_sentences=1)
    assert summary[0].text == shared
    assert set(summary[0].citations) == {"a", "b", "c"}


def test_summary_length_bounds_and_copies() -> None:
    lines = [
        "Floodwater swept through the river town of Vellmar on Sunday after days of rain.",
        "Rescue teams from Dornach reached the flooded streets of Vellmar by Sunday evening.",
        "Mayor Ilsa Brandt said the dam at Kessel had held through the whole night.",
        "Schools in Vellmar will stay closed until the water has drained from the valley.",
        "Farmers near Kessel lost most of their winter wheat to the brown water.",
        "Volunteers in Dornach collected blankets, bread and clean water for the shelters.",
        "Engineers will inspect every bridge over the river before traffic may cross again.",
        "The regional government promised emergency money for families who lost their homes.",
        "Weather forecasters expect more rain over the hills by the end of the week.",
    ]
    original = art("a", " ".join(lines))
    copy = art("copy", " ".join(lines), source="Syndicated")
    summary = run([original, copy], duplicate_of={"copy": "a"}, max_sentences=6)
    assert 4 <= len(summary) <= 6
    for s in summary:
        assert s.citations[0] == "a"  # taken from the original, never from the copy
        assert "copy" in s.citations  # but the copy supports it and is cited
    many = run([original], max_sentences=20)
    assert len(many) <= 8


def test_summary_orders_by_timeline() -> None:
    early = "Floodwater swept through the river town of Vellmar on Sunday after days of rain."
    late = "Cleanup crews from Dornach began clearing mud from the streets of Vellmar on Tuesday."
    old = "The old stone bridge of Vellmar was built by the river guilds in the year of the fire."
    a = art("a", f"{late} {old}", published="2025-03-04")
    b = art("b", early, published="2025-03-04")
    sa, sb = a.analysis.sentences, b.analysis.sentences
    timeline = (
        TimelineEntry("2025-03-04", "day", "Cleanup", ("a",), citations=(Citation("a", sa[0]),)),
        TimelineEntry("2025-03-02", "day", "Flood", ("b",), citations=(Citation("b", sb[0]),)),
        # Recalled from long ago: does not pull its sentence to the front.
        TimelineEntry("1820-01-01", "day", "Bridge", ("a",), citations=(Citation("a", sa[1]),)),
    )
    summary = run([a, b], timeline=timeline)
    texts = [s.text for s in summary]
    assert texts.index(early) < texts.index(late)
    assert texts[0] != old


def test_summary_one_report_keeps_its_order() -> None:
    lines = [
        "Floodwater swept through the river town of Vellmar on Sunday after days of rain.",
        "Rescue teams from Dornach reached the flooded streets of Vellmar by Sunday evening.",
        "Mayor Ilsa Brandt said the dam at Kessel had held through the whole night.",
        "Schools in Vellmar will stay closed until the water has drained from the valley.",
    ]
    summary = run([art("a", " ".join(lines))])
    assert [s.text for s in summary] == lines


def test_summary_empty_story() -> None:
    assert run([]) == ()
    assert run([art("a", "Too short.")]) == ()


def test_summary_text_helpers() -> None:
    assert numbers_in("nine people, 1,000 prisoners and 2.5 million dollars") == [9, 1000, 2.5e6]
    assert quoted_in('He said \u201cno deal\u201d and "not now" today') == ["no deal", "not now"]
    assert "vellmar" in content_words("The flood in Vellmar's valley")


def test_summary_skips_pieces_of_a_split_quote() -> None:
    text = (
        "\u201cHow can anyone rebuild a town in such weather? "
        "Who will pay for the new dam at Kessel?\u201d "
        "Brandt asked at a meeting in the town hall. "
        "Rescue teams from Dornach reached the town of Vellmar by Sunday evening."
    )
    summary = run([art("a", text)])
    assert [s.text for s in summary] == [
        "Rescue teams from Dornach reached the town of Vellmar by Sunday evening."
    ]


def test_summary_tells_each_period_of_a_long_story() -> None:
    may = [
        art(
            x,
            "Floodwater swept through the river town of Vellmar on Sunday after days of rain. "
            "Rescue teams from Dornach reached the flooded streets of Vellmar by Sunday evening.",
            published="2025-05-18",
        )
        for x in ("a", "b", "c")
    ]
    june = art(
        "d",
        "Engineers finished rebuilding the dam at Kessel in June, a month after the flood.",
        published="2025-06-20",
    )
    summary = run([*may, june], max_sentences=3)
    assert any(s.citations == ("d",) for s in summary)


def test_summary_drops_connectives_that_lean_on_context() -> None:
    text = (
        "Earlier on Sunday, rescue teams from Dornach reached the flooded town of Vellmar. "
        "Later that day the dam at Kessel was closed to all traffic by the engineers."
    )
    summary = run([art("a", text)])
    assert [s.text for s in summary] == [
        "On Sunday, rescue teams from Dornach reached the flooded town of Vellmar."
    ]


def test_summary_citation_dropped_when_passage_gives_another_day() -> None:
    tail = "rescue teams from Dornach reached the flooded town of Vellmar, officials said."
    items = [
        art("a", f"On Sunday {tail}", days={"Sunday": "2025-03-02"}),
        art("b", f"On Monday {tail}", days={"Monday": "2025-03-03"}),
        art("c", "Rescue teams from Dornach reached the flooded town of Vellmar at last."),
    ]
    # b and c are copies, so the sentence can only come from a; both may still be cited.
    (only,) = run(items, duplicate_of={"b": "a", "c": "a"})
    assert only.text.startswith("On Sunday")
    assert only.citations == ("a", "c")  # c gives no day: no contradiction; b gives another


def test_summary_cuts_datelines_and_run_in_headings() -> None:
    text = (
        "March 3, 2025 Rescue teams from Dornach reached the flooded town of Vellmar on Sunday. "
        "Dam holds at Kessel VELLMAR — Mayor Ilsa Brandt said the dam at Kessel held all night."
    )
    item = art("a", text)
    summary = run([item])
    assert [s.text for s in summary] == [
        "Rescue teams from Dornach reached the flooded town of Vellmar on Sunday.",
        "Mayor Ilsa Brandt said the dam at Kessel held all night.",
    ]
    for s in summary:  # the passage shown in place starts where the shown text starts
        (passage,) = s.passages
        assert passage.span is not None
        assert text[passage.span.start : passage.span.end] == s.text


def test_summary_surname_stands_for_a_person_not_a_place() -> None:
    tail = "said the dam at Kessel held through the long night of rain."
    items = [
        art("a", f"Mayor Ilsa Brandt {tail}"),
        art("b", f"Mayor Brandt {tail}"),  # the surname alone names the same person
        art("c", f"The new mayor of Vellmar {tail}"),  # no Brandt at all
    ]
    (only,) = run(items, duplicate_of={"b": "a", "c": "a"})
    assert only.citations == ("a", "b")


def test_summary_a_recalled_event_places_a_sentence_that_tells_only_it() -> None:
    first = "Floodwater swept through the river town of Vellmar on Sunday after days of rain."
    arrest = "Police in Dornach arrested the dam keeper of Kessel on a charge of neglect."
    recalled = "Rescue crews from Kessel pulled families off the roofs of Vellmar that night."
    later = "Cleanup crews from Dornach began clearing mud from the streets of Vellmar at last."
    a = art("a", first, published="2025-03-02")
    b = art("b", f"{arrest} {recalled} {later}", published="2025-03-30")
    sa, sb = a.analysis.sentences, b.analysis.sentences
    timeline = (
        TimelineEntry("2025-03-02", "day", "Flood", ("a",), citations=(Citation("a", sa[0]),)),
        TimelineEntry("2025-03-30", "day", "Arrest", ("b",), citations=(Citation("b", sb[0]),)),
        TimelineEntry("2025-03-02", "day", "Rescue", ("b",), citations=(Citation("b", sb[1]),)),
        TimelineEntry("2025-03-30", "day", "Cleanup", ("b",), citations=(Citation("b", sb[2]),)),
    )
    c = art("c", first.replace("after days", "after three days"), published="2025-03-02")
    texts = [s.text for s in run([a, b, c], timeline=timeline)]
    assert texts[0] == first  # the main event, told by two reports, leads
    assert all(texts.index(recalled) < texts.index(t) for t in (arrest, later) if t in texts)
    assert {arrest, later} & set(texts)


def test_summary_a_cited_report_holds_every_name_even_one_the_name_finder_missed() -> None:
    tail = "said the dam at Kessel was closed through the long night of rain."
    items = [
        art("a", f"Mayor Ilsa Brandt of the Vellmar Water Board {tail}"),
        art("b", f"Mayor Ilsa Brandt of Vellmar {tail}"),  # no Water Board
        art("c", f"Mayor Ilsa Brandt of the Vellmar Water Board {tail}"),
    ]
    (only,) = run(items, duplicate_of={"b": "a", "c": "a"})
    assert only.citations == ("a", "c")


def test_summary_an_event_cited_only_in_a_copy_is_told_from_the_original() -> None:
    news = "Tomas Reed is expected to give himself up to the police in Kessel on Wednesday."
    others = [
        "Floodwater swept through the river town of Vellmar on Sunday after days of rain.",
        "Rescue teams from Dornach reached the flooded streets of Vellmar by Sunday evening.",
        "Mayor Ilsa Brandt said the dam at Kessel had held through the whole night.",
        "Schools in Vellmar will stay closed until the water has drained from the valley.",
        "The river in Vellmar rose higher than at any time since the great flood of the valley.",
        "Farmers in the valley below Kessel lost most of their winter crops to the water.",
    ]
    text = " ".join([*others, news])
    a = art("a", text, published="2025-03-04")
    b = art("b", text, published="2025-03-04")
    sb = b.analysis.sentences
    timeline = (
        TimelineEntry("2025-03-04", "day", "Surrender", ("b",), citations=(Citation("b", sb[-1]),)),
    )
    texts = [
        s.text for s in run([a, b], timeline=timeline, duplicate_of={"b": "a"}, max_sentences=4)
    ]
    assert news in texts
