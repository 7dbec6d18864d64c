"""Writing output files: a digest's ``stories.json``, ``index.html`` and a page per story;
the ``analyze`` JSONL rows."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from storyline.model import Analyzed, Digest
from storyline.report.html import render_index_html, render_story_html, story_file
from storyline.report.json import analysis_to_dict, write_json
from storyline.report.markdown import render_story_markdown


def write_report(digest: Digest, out_dir: Path) -> Path:
    """Write stories.json, index.html and <story id>.html/.md into ``out_dir``; return the index."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_json(digest, out_dir / "stories.json")
    for story in digest.stories:
        page = out_dir / story_file(story.id)
        page.write_text(render_story_html(story, digest), encoding="utf-8")
        page.with_suffix(".md").write_text(render_story_markdown(story, digest), encoding="utf-8")
    index = out_dir / "index.html"
    index.write_text(render_index_html(digest), encoding="utf-8")
    return index


def write_analyses(items: Iterable[Analyzed], out: str | Path) -> int:
    """Write one JSONL row per analysed article to ``out`` ('-' for stdout); return the count.

    A file is written beside its place and moved there at the end, and only when it has
    rows: an interrupted run, or one with no readable input, leaves an existing file as it was.
    """
    if str(out) == "-":
        return _write_rows(items, sys.stdout)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            count = _write_rows(items, handle)
        if count:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(partial, 0o666 & ~umask)  # as a plain open() would have made it
            os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return count


def _write_rows(items: Iterable[Analyzed], handle: TextIO) -> int:
    count = 0
    for item in items:
        row = analysis_to_dict(item.article, item.analysis)
        handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count
