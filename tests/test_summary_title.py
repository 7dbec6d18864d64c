"""Story titles: a representative headline, else the central sentence shortened."""

from __future__ import annotations

from storyline.model import Analyzed, Article, ArticleAnalysis, Span, StoryEntity
from storyline.story.title import story_title


def item(aid: str, text: str, title: str | None) -> Analyzed:
    spans = []
    start = 0
    for part in text.split(". "):
        end = start + len(part) + (1 if not part.endswith(".") else 0)
        spans.append(Span(start, min(end, len(text))))
        start = end + 1
    return Analyzed(
        Article(id=aid, text=text, title=title), ArticleAnalysis(aid, sentences=tuple(spans))
    )


TEXT = "Floodwater swept through the river town of Vellmar on Sunday, killing nine people. "
ENTITIES = (StoryEntity("Vellmar", "GPE", ("Vellmar",), ("a", "b", "c")),)


def test_title_prefers_representative_headline() -> None:
    items = [
        item("a", TEXT, "Local bakery opens new shop"),
        item("b", TEXT, "Flood kills nine in Vellmar - Coastal Herald"),
        item("c", TEXT, "BREAKING"),
    ]
    assert story_title(items, ENTITIES) == "Flood kills nine in Vellmar"


def test_title_from_central_sentence_when_no_headline() -> None:
    long = (
        "Floodwater swept through the river town of Vellmar on Sunday, killing nine people "
        "and forcing hundreds of families from their homes across the valley. Rescue came late."
    )
    items = [item("a", long, None), item("b", long, None)]
    title = story_title(items, ENTITIES)
    assert title == "Floodwater swept through the river town of Vellmar on Sunday"


def test_title_fallbacks() -> None:
    assert story_title([], ()) == "Untitled story"
    assert story_title([item("a", "Short.", None)], ENTITIES) == "Vellmar"


def test_title_drops_asides_and_parentheses() -> None:
    text = (
        "Mayor Brandt, in a short statement on Sunday night (local time), said that the dam "
        "at Kessel had held and that the town would be rebuilt within the year. More later."
    )
    title = story_title([item("a", text, None)], ())
    assert title == "Mayor Brandt said that the dam at Kessel had held"


def test_title_from_long_sentence_is_short_and_whole_words() -> None:
    text = (
        "Rescue teams from three neighbouring districts worked through the night in the flooded "
        "lower streets of Vellmar to reach families trapped on upper floors by the rising water. "
    )
    title = story_title([item("a", text, None)], ())
    assert len(title) <= 90
    assert text.startswith(title.rstrip("…"))
    assert text[len(title.rstrip("…"))] == " "  # cut between words
    assert title == "Rescue teams from three neighbouring districts worked through the night"


def test_title_drops_lead_in_and_apposition_before_cutting() -> None:
    text = (
        "Speaking on local radio, the owner of Vellmar Mills, a family firm founded in 1890, "
        "said the flooded mill would reopen within the month after engineers checked its "
        "foundations and wiring. "
    )
    title = story_title([item("a", text, None)], ())
    assert title == "The owner of Vellmar Mills said the flooded mill would reopen within the month"


def test_title_skips_sentences_leaning_on_context() -> None:
    items = [
        item(
            "a",
            "His comments came barely a day after the river broke its banks in Vellmar. "
            "Floodwater swept through the river town of Vellmar on Sunday, killing nine people. ",
            None,
        )
    ]
    assert story_title(items, ENTITIES).startswith("Floodwater swept")
