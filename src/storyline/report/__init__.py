"""Rendering digests: the stories.json contract, Markdown and self-contained HTML pages."""

from storyline.report.html import render_index_html, render_story_html, story_file
from storyline.report.json import analysis_to_dict, digest_to_dict, write_json
from storyline.report.markdown import render_story_markdown
from storyline.report.write import write_analyses, write_report

__all__ = [
    "analysis_to_dict",
    "digest_to_dict",
    "render_index_html",
    "render_story_html",
    "render_story_markdown",
    "story_file",
    "write_analyses",
    "write_json",
    "write_report",
]
