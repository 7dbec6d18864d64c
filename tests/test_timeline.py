"""Story timelines: events merged across reports, ordered, background and disputes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.analyze.eventline.extract import extract_event_lines
from storyline.analyze.times import extract_times
from storyline.model import Analyzed, Article, ArticleAnalysis, Span
from storyline.story.dating import estimate_dates
from storyline.story.timeline.build import build_timeline


def _item(nlp: Any, aid: str, text: str, published: str | None = None) -> Analyzed:
    from datetime import date

    doc = nlp(text)
    anchor = date.fromisoformat(published) if published else None
    times = extract_times(doc, anchor)
    sentences = tuple(Span(s.start_char, s.end_char) for s in doc.sents)
    article = Article(id=aid, text=text, published=published)
    lines = extract_event_lines(doc, sentences, times)
    analysis = ArticleAnalysis(aid, sentences=sentences, times=times, event_lines=lines)
    return Analyzed(article, analysis)


def test_timeline_merges_same_event_across_reports(nlp: Any) -> None:
    a = _item(
        nlp, "a", "The harbour bridge collapsed on Tuesday after days of storms.", "2025-05-21"
    )
    b = _item(nlp, "b", "On Tuesday the harbour bridge collapsed into the river.", "2025-05-22")
    (entry,) = build_timeline([a, b])
    assert entry.date == "2025-05-20" and entry.granularity == "day"
    assert entry.articles == ("a", "b")
    assert "bridge collapsed" in entry.text
    assert {c.article for c in entry.citations} == {"a", "b"}


def test_timeline_vague_date_joins_the_precise_one(nlp: Any) -> None:
    a = _item(
        nlp, "a", "The ministers met last week in Oslo to sign the fishing accord.", "2025-05-21"
    )
    b = _item(
        nlp, "b", "The ministers signed the fishing accord in Oslo on Thursday.", "2025-05-16"
    )
    (entry,) = build_timeline([a, b])
    assert (entry.date, entry.granularity) == ("2025-05-15", "day")
    assert set(entry.articles) == {"a", "b"}
    assert entry.disputed_dates == ()


def test_timeline_time_modifying_a_noun_makes_it_the_event(nlp: Any) -> None:
    item = _item(nlp, "a", "Monday's talks in Geneva ended without a deal.", "2025-05-21")
    (entry,) = build_timeline([item])
    assert entry.date == "2025-05-19"
    assert entry.text == "The talks in Geneva ended without a deal"


def test_timeline_interval_bounds_are_not_events(nlp: Any) -> None:
    text = "It was their first meeting since March 2022. Roads stay shut until Friday."
    assert build_timeline([_item(nlp, "a", text, "2025-05-21")]) == ()


def test_timeline_orders_events_and_marks_background(nlp: Any) -> None:
    text = (
        "The mayor resigned on Monday. "
        "The city council was founded on 3 March 1998. "
        "A new vote will take place on Friday."
    )
    entries = build_timeline([_item(nlp, "a", text, "2025-05-21")])
    assert [e.date for e in entries] == ["1998-03-03", "2025-05-19", "2025-05-23"]
    assert [e.background for e in entries] == [True, False, False]
    assert entries[1].text.startswith("The mayor resigned")


def test_timeline_event_line_is_short_clause(nlp: Any) -> None:
    text = (
        "In a long statement read to reporters outside the ministry on Thursday, the "
        "spokeswoman for the regional government, who had been silent for weeks, "
        "announced that the new tunnel would open next spring after many delays."
    )
    (entry, *_) = build_timeline([_item(nlp, "a", text, "2025-05-23")])
    assert entry.date == "2025-05-22"
    assert len(entry.text.split()) <= 16
    assert "announced" in entry.text


def test_timeline_disputed_dates_between_reports(nlp: Any) -> None:
    a = _item(nlp, "a", "Rebels seized the northern airport on Monday.", "2025-05-21")
    b = _item(nlp, "b", "Rebels seized the northern airport on Tuesday.", "2025-05-21")
    (entry,) = build_timeline([a, b])
    assert dict(entry.disputed_dates) == {"2025-05-19": ("a",), "2025-05-20": ("b",)}
    assert entry.articles == ("a", "b")
    assert entry.text.endswith("(reports disagree on the date: 19 May 2025 in a; 20 May 2025 in b)")


def test_timeline_same_event_in_other_words_is_one_entry(nlp: Any) -> None:
    a = _item(
        nlp, "a", "Two people were injured on Wednesday when a tram hit a lorry.", "2025-03-13"
    )
    b = _item(nlp, "b", "Two people were hurt in the tram collision on Wednesday.", "2025-03-13")
    (entry,) = build_timeline([a, b])
    assert entry.date == "2025-03-12" and entry.articles == ("a", "b")


def test_timeline_week_entry_joins_the_day_of_the_same_event(nlp: Any) -> None:
    a = _item(nlp, "a", "Envoys of the two sides met last week in Oslo for talks.", "2025-05-19")
    b = _item(
        nlp,
        "b",
        "The talks between both sides in Oslo ended on Friday without a deal.",
        "2025-05-17",
    )
    (entry,) = build_timeline([a, b])
    assert entry.date == "2025-05-16" and set(entry.articles) == {"a", "b"}


def test_timeline_undated_report_keeps_text_order(nlp: Any) -> None:
    text = "Crews cleared the road on Monday. The depot reopened on Wednesday."
    entries = build_timeline([_item(nlp, "u", text)])
    assert [e.date for e in entries] == [None, None]
    assert entries[0].text.startswith("Crews") and entries[1].text.startswith("The depot")


def test_timeline_uses_canonical_names(nlp: Any) -> None:
    item = _item(nlp, "a", "Mr Okafor resigned on Monday.", "2025-05-21")
    (entry,) = build_timeline([item], canonical=lambda aid, name: "Daniel Okafor")
    assert entry.text.startswith("Daniel Okafor resigned")


@pytest.mark.seeds
def test_timeline_seeds_order(nlp: Any, seeds_dir: Path) -> None:
    items = [
        _item(nlp, p.stem, p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))
    ]
    dated, _ = estimate_dates(items)
    assert all(it.article.published for it in dated)
    texts = {it.article.id: it.article.text for it in dated}
    entries = build_timeline(dated)

    def dates_of(*keywords: str) -> set[str]:
        out = set()
        for e in entries:
            for c in e.citations:
                sentence = texts[c.article][c.span.start : c.span.end] if c.span else ""
                if all(k.lower() in sentence.lower() for k in keywords):
                    out.add(e.date or "")
        return out

    assert "2025-05-16" in dates_of("talks", "Istanbul")
    assert "2025-05-17" in dates_of("drone", "bus")
    assert "2025-05-19" in dates_of("Putin", "call") | dates_of("Putin", "speak")
    june = [e for e in entries if (e.date or "").startswith("2025-06")]
    assert any(
        "Istanbul" in texts[c.article][c.span.start : c.span.end]
        for e in june
        for c in e.citations
        if c.span
    )
    dates = [e.date for e in entries if e.date]
    assert dates == sorted(
        dates,
        key=lambda d: __import__("storyline.story.timeline.merge", fromlist=["sort_key"]).sort_key(
            d
        ),
    )


def test_timeline_dateline_is_not_an_event(nlp: Any) -> None:
    text = (
        "BRASKOV, June 4 (Tidewire) - The ferry sank off the cape on Tuesday, the coastguard said."
    )
    entries = build_timeline([_item(nlp, "a", text, "2025-06-04")])
    assert [e.text for e in entries] == ["The ferry sank off the cape"]


def test_timeline_time_argument_stays_in_the_line(nlp: Any) -> None:
    text = "Prices rose after a dry summer ruined the apple crop in the valley."
    (entry,) = build_timeline([_item(nlp, "a", text, "2025-03-10")])
    assert entry.text == "A dry summer ruined the apple crop in the valley"
    assert entry.granularity == "season" and entry.date == "2024-06/2024-08"


def test_timeline_relative_pronoun_gives_way_to_antecedent(nlp: Any) -> None:
    text = "The mayor, who flew to the island on Monday, met the fishermen."
    (entry,) = build_timeline([_item(nlp, "a", text, "2025-05-21")])
    assert entry.text.startswith("The mayor flew to the island")


def test_timeline_reporting_verb_alone_is_not_an_event(nlp: Any) -> None:
    text = "The harbour master said on Monday. Crews cleared the quay on Monday."
    entries = build_timeline([_item(nlp, "a", text, "2025-05-21")])
    assert [e.text for e in entries] == ["Crews cleared the quay"]


def test_timeline_shared_subject_verbs_stay_together(nlp: Any) -> None:
    text = "A barge carrying coal capsized and sank in the estuary on Monday evening."
    (entry,) = build_timeline([_item(nlp, "a", text, "2025-05-21")])
    assert "capsized and sank" in entry.text and not entry.text.lower().startswith("when")


def test_timeline_possessive_time_leaves_a_determiner(nlp: Any) -> None:
    text = "Inspectors blamed a loose bolt for last week's collapse of the footbridge."
    entries = build_timeline([_item(nlp, "a", text, "2025-05-21")])
    assert all("'s" not in e.text for e in entries)


def test_timeline_is_capped_and_keeps_shared_events(nlp: Any) -> None:
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    text = " ".join(f"Volunteers painted fence number {n} on {d}." for n, d in enumerate(days * 3))
    shared = "The old lighthouse collapsed into the sea on Sunday."
    a = _item(nlp, "a", text + " " + shared, "2025-05-26")
    b = _item(nlp, "b", shared, "2025-05-26")
    entries = build_timeline([a, b])
    assert len(entries) <= 12
    assert any(e.articles == ("a", "b") and "lighthouse" in e.text for e in entries)
    assert len({e.date for e in entries}) == 7  # every day keeps its best event


def test_timeline_sort_key_places_seasons_and_quarters() -> None:
    from storyline.story.timeline.merge import iso_date, sort_key

    values = ["2024-07", "2024-SU", "2024-03", "2024-Q3", "2024"]
    assert sorted(values, key=sort_key) == ["2024", "2024-03", "2024-SU", "2024-Q3", "2024-07"]
    assert iso_date("2024-WI") == "2024-12/2025-02"
    assert iso_date("2025-W23-WE") == "2025-06-07/2025-06-08"
    assert iso_date("2025-05-16") == "2025-05-16"


def test_timeline_placeline_without_date_is_dropped(nlp: Any) -> None:
    text = "OSLO/BERGEN — Prime Minister Kari Lund spoke to the king about the floods on Monday."
    (entry,) = build_timeline([_item(nlp, "a", text, "2025-05-21")])
    assert entry.text.startswith("Prime Minister Kari Lund spoke")


def test_timeline_attribution_trails_the_reported_event(nlp: Any) -> None:
    text = "Army units shot down 35 drones near the border, state news agencies reported on Monday."
    (entry,) = build_timeline([_item(nlp, "a", text, "2025-05-21")])
    assert (
        entry.text == "Army units shot down 35 drones near the border, state news agencies reported"
    )


def test_timeline_long_line_drops_whole_phrases(nlp: Any) -> None:
    text = (
        "A third round of border talks on Monday between Norwegian and Finnish delegations "
        "in Tromsø lasted slightly more than an hour and brought no agreement to end the dispute."
    )
    (entry,) = build_timeline([_item(nlp, "a", text, "2025-05-21")])
    words = entry.text.split()
    assert len(words) <= 16
    assert words[-1] not in ("and", "on", "the", "of", "between")
    assert "lasted" in entry.text


def test_timeline_merged_entry_takes_the_most_shared_line(nlp: Any) -> None:
    a = _item(nlp, "a", "Four people died when the old pier collapsed on Monday.", "2025-05-21")
    b = _item(
        nlp,
        "b",
        "The old pier collapsed into the bay on Monday, killing four people.",
        "2025-05-21",
    )
    c = _item(nlp, "c", "On Monday the old pier collapsed; four people died.", "2025-05-21")
    entries = build_timeline([a, b, c])
    shared = [e for e in entries if len(e.articles) >= 2]
    assert shared and all("collapsed" in e.text for e in shared)


def test_timeline_particle_stays_with_its_verb(nlp: Any) -> None:
    text = "Critics asked whether Lund, who took over in 2021, should resign."
    entries = build_timeline([_item(nlp, "a", text, "2025-05-21")])
    assert any(e.text == "Lund took over" for e in entries)


def test_timeline_reported_event_comes_first(nlp: Any) -> None:
    text = "The inspectors said on Thursday that a worn cable caused the lift accident."
    (entry,) = build_timeline([_item(nlp, "a", text, "2025-05-23")])
    assert entry.text == "A worn cable caused the lift accident, the inspectors said"


def test_timeline_noun_phrase_without_clause_is_skipped(nlp: Any) -> None:
    text = (
        "An audit published by the harbour authority on Monday. Crews cleared the quay on Tuesday."
    )
    entries = build_timeline([_item(nlp, "a", text, "2025-05-21")])
    assert [e.text for e in entries] == ["Crews cleared the quay"]


def test_timeline_syndicated_copy_counts_once(nlp: Any) -> None:
    from storyline.story.params import TIMELINE

    wire = "Storm winds toppled the radio mast above Kelmstad harbour on Monday."
    extra = " ".join(
        f"Volunteers {verb} the {thing} on {day}."
        for verb, thing, day in [
            ("repaired", "chapel roof", "Tuesday"),
            ("cleared", "ferry ramp", "Wednesday"),
            ("painted", "school fence", "Thursday"),
        ]
    )
    wire_report = _item(nlp, "w", wire, "2025-05-21")
    copy = _item(nlp, "c", wire, "2025-05-21")
    other = _item(nlp, "o", extra, "2025-05-21")
    from storyline.story.timeline.build import _copies

    assert _copies([wire_report, copy, other]) == {"c": "w"}
    entries = build_timeline([wire_report, copy, other])
    assert len(entries) <= TIMELINE.max_entries
    (mast,) = [e for e in entries if "mast" in e.text]
    assert mast.articles == ("w", "c")  # both listed, counted once for ranking


def test_timeline_merge_weight_counts_copies_once() -> None:
    from storyline.model import Citation
    from storyline.story.timeline.merge import Event, weight

    def event(*arts: str) -> Event:
        cites = [Citation(a, Span(0, 10)) for a in arts]
        return Event("2025-05-19", "day", "A mast fell", frozenset(), False, (0, 0), cites)

    assert weight(event("w", "c"), {"c": "w"}) == weight(event("w"))
    assert weight(event("w", "o"), {"c": "w"}) > weight(event("w"))


def test_timeline_reported_clause_keeps_its_own_date(nlp: Any) -> None:
    text = "The operator said last week that all its wagons had passed inspection in January."
    (entry,) = build_timeline([_item(nlp, "a", text, "2025-03-12")])
    assert entry.date == "2025-01" and "passed inspection" in entry.text


def test_timeline_noun_time_gives_way_to_a_dated_clause(nlp: Any) -> None:
    text = (
        "The safety board said on Thursday that a cracked rail was the most likely cause "
        "of last week's derailment."
    )
    (entry,) = build_timeline([_item(nlp, "a", text, "2025-03-16")])
    assert entry.date == "2025-03-13"


def test_timeline_no_event_from_the_outlets_voice(nlp: Any) -> None:
    text = (
        "A boy was shot on the Kessel road on Tuesday. "
        "We spoke with the boy's aunt in Vellmar on Wednesday."
    )
    entries = build_timeline([_item(nlp, "a", text, "2025-05-22")])
    assert [e.date for e in entries] == ["2025-05-20"]


def test_timeline_no_event_from_a_date_stamp_or_a_status(nlp: Any) -> None:
    text = (
        "FOR RELEASE\n\nDATE: May 23, 2025\n\n"
        "A boy was shot on the Kessel road on Tuesday.\n\n"
        "His condition was not known on Wednesday."
    )
    entries = build_timeline([_item(nlp, "a", text, "2025-05-23")])
    assert [e.date for e in entries] == ["2025-05-20"]
