"""Markdown story pages: content, citations, and escaping."""

from __future__ import annotations

import re

from storyline.model import Digest
from storyline.report import render_story_markdown
from storyline.report.markdown import md


def test_markdown_sections_and_citations(digest: Digest) -> None:
    text = render_story_markdown(digest.stories[0], digest)
    assert text.startswith("# Nine killed as flood sweeps Vellmar\n")
    for heading in (
        "## Summary",
        "## What is disputed",
        "## Reported by one outlet only",
        "## Timeline",
        "## Who said what",
        "## Names and their spellings",
        "## Coverage: who reported what",
        "## The reports",
    ):
        assert heading in text
    assert "killing nine people, officials said. [1][2][3]" in text
    assert "**7** — Northern Ledger; according to Ilsa Brandt [1][3]" in text
    assert "**12** — Coastal Herald; according to Tomas Reed [2]" in text
    assert "wording altered by Coastal Herald" in text
    assert "2025-03-04 (estimated)" in text
    assert "_(copy of [1])_" in text
    assert "4 reports from 3 independent sources" in text


def test_markdown_escapes_report_text(digest: Digest) -> None:
    text = render_story_markdown(digest.stories[0], digest)
    assert not re.search(r"(?<!\\)<", text)  # every "<" is backslash-escaped
    assert r"\<script\>" in text


def test_markdown_escape_neutralises_structure() -> None:
    assert md("# not a heading | [link](x) *b*") == r"\# not a heading \| \[link\](x) \*b\*"
    assert md("line\nbreak") == "line break"


def test_markdown_story_without_summary(digest: Digest) -> None:
    from dataclasses import replace

    bare = replace(digest.stories[1], summary=(), timeline=())
    text = render_story_markdown(bare, digest)
    assert "_No sentence could be verified against the reports._" in text
    assert "_No dated event found._" in text


def test_report_claim_what_reads_naturally() -> None:
    from storyline.lexicon.measures import claim_what

    assert claim_what("people", "killed") == "people killed"
    assert claim_what("percent", "percent") == "per cent"
    assert claim_what("dollars", "money") == "dollars"
    assert claim_what("PT2H", "duration") == "duration"
    assert claim_what("", "shot_down") == "shot down"
