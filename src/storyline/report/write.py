"""Writing a digest's report files: ``stories.json``, ``index.html`` and a page per story."""

from __future__ import annotations

from pathlib import Path

from storyline.model import Digest, Story
from storyline.report.html import render_index_html, render_story_html, story_file
from storyline.report.json import write_json
from storyline.report.markdown import render_story_markdown


def write_report(digest: Digest, out_dir: Path) -> Path:
    """Write stories.json, index.html and <story id>.html/.md into ``out_dir``; return the index."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_json(digest, out_dir / "stories.json")
    for story in digest.stories:
        write_story_pages(story, digest, out_dir)
    index = out_dir / "index.html"
    index.write_text(render_index_html(digest), encoding="utf-8")
    return index


def write_story_pages(story: Story, digest: Digest, out_dir: Path) -> None:
    """Write one story's <story id>.html and .md (``digest`` needs only that story's reports)."""
    page = out_dir / story_file(story.id)
    page.write_text(render_story_html(story, digest), encoding="utf-8")
    page.with_suffix(".md").write_text(render_story_markdown(story, digest), encoding="utf-8")
