"""The summary and the story page on the five seed reports, read at run time from ../shared.

The five reports are assembled as one story (bypassing clustering, which has its own
tests) so that the summary stage meets real, messy text: copy-paste debris, no dates,
names spelled three ways. Each citation is re-checked here against the cited text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.model import Analyzed, Digest, Story
from storyline.report import render_story_html, render_story_markdown
from storyline.story.date_words import without_stated
from storyline.story.summary.summarize import numbers_in

pytestmark = pytest.mark.seeds


@pytest.fixture(scope="module")
def seeds_story(seeds_dir: Path) -> tuple[Story, list[Analyzed]]:
    from storyline.analyze.pipeline import analyze_articles
    from storyline.ingest import iter_articles
    from storyline.story.assemble import assemble_story

    articles = list(iter_articles([str(seeds_dir)]))
    items = [Analyzed(a, x) for batch in analyze_articles(articles, jobs=1) for a, x in batch]
    built = assemble_story("seeds", "seeds", items, {})
    return built.story, list(built.items)


def test_summary_seeds_sentences_stand_alone(seeds_story: tuple[Story, list[Analyzed]]) -> None:
    story, _ = seeds_story
    assert 4 <= len(story.summary) <= 8
    for s in story.summary:
        assert not re.match(r"(He|She|It|They|This|That|These|The agency)\b", s.text)
        assert not re.search(r"https?://|Also read|Photo:|©", s.text)
        assert s.text[-1] in ".!?”\"'’"


def test_summary_seeds_citations_hold(seeds_story: tuple[Story, list[Analyzed]]) -> None:
    story, items = seeds_story
    texts = {i.article.id: i.article.text for i in items}
    for s in story.summary:
        assert s.citations and s.citations == tuple(dict.fromkeys(p.article for p in s.passages))
        for passage in s.passages:
            text = texts[passage.article]
            assert passage.span is not None
            # the dates stated after "Friday" are ours, not the passage's words
            for value in numbers_in(without_stated(s.text)):
                assert value in numbers_in(text), (s.text, passage.article, value)
            for quoted in re.findall(r"[“\"]([^”\"]{3,})[”\"]", s.text):
                flat = " ".join(re.findall(r"\w+", text.lower()))
                assert " ".join(re.findall(r"\w+", quoted.lower())) in flat


def test_summary_seeds_agreed_facts_told(seeds_story: tuple[Story, list[Analyzed]]) -> None:
    story, _ = seeds_story
    told = " ".join(s.text for s in story.summary).lower()
    assert "nine" in told or " 9 " in told  # the bus strike toll the outlets agree on
    assert "1,000" in told or "1000" in told  # the prisoner exchange


def test_summary_seeds_pages_render(seeds_story: tuple[Story, list[Analyzed]]) -> None:
    story, items = seeds_story
    digest = Digest(
        articles=tuple(i.article for i in items),
        analyses={i.article.id: i.analysis for i in items},
        stories=(story,),
    )
    page = render_story_html(story, digest)
    assert page.count('class="cite"') >= len(story.summary)
    assert "<script>" not in page.split("<script>", 1)[1].split("</script>", 1)[1]
    assert render_story_markdown(story, digest).startswith("# ")


def test_summary_seeds_day_words_state_their_dates(
    seeds_story: tuple[Story, list[Analyzed]],
) -> None:
    from storyline.story.date_words import RELATIVE_DAY

    story, _ = seeds_story
    for s in story.summary:
        for m in RELATIVE_DAY.finditer(s.text):
            after = s.text[m.end() :]
            if m["poss"]:
                after = after.split(" ", 2)[-1] if after.count(" ") > 1 else after
            assert re.match(r"\s*\(\d{1,2} [A-Z][a-z]+( \d{4})?\)", after), s.text
