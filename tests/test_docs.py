"""The docs match the code: commands, options, help text, contract fields, links."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click
import pytest

from storyline.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

# The version-1 contract of ../shared/ARCHITECTURE.md: every field must be documented.
STORIES_FIELDS = {
    "version", "articles", "stories", "id", "source", "title", "published",
    "published_estimated", "path", "duplicate_of", "storyline", "summary", "text",
    "citations", "timeline", "date", "granularity", "entities", "name", "label",
    "variants", "quotes", "speaker", "claims", "measure", "value", "about",
    "attribution", "conflicts", "values",
}  # fmt: skip
ANALYZE_FIELDS = {
    "id", "source", "url", "title", "published", "published_estimated", "text",
    "boilerplate", "start", "end", "kind", "entities", "label", "canonical", "times",
    "type", "value", "quotes", "speaker", "speaker_start", "speaker_end", "cue",
    "claims", "measure", "qualifier", "counted", "attribution", "date",
}  # fmt: skip


def _documented(doc: str) -> set[str]:
    return set(re.findall(r"`([a-z_]+)`", doc))


def test_docs_every_contract_field_in_output_md() -> None:
    documented = _documented((DOCS / "output.md").read_text(encoding="utf-8"))
    assert not (STORIES_FIELDS | ANALYZE_FIELDS) - documented


def test_docs_every_command_and_option_in_cli_md() -> None:
    doc = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert f"`storyline {name}`" in doc
        for param in command.params:
            if isinstance(param, click.Option):
                assert any(opt in doc for opt in param.opts), (name, param.opts)


def test_docs_help_blocks_match_the_code() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from regen_cli_docs import DOC, render
    finally:
        sys.path.pop(0)
    current = DOC.read_text(encoding="utf-8")
    assert render(current) == current, "run scripts/regen_cli_docs.py"


@pytest.mark.parametrize("page", ["README.md", *(p.name for p in DOCS.glob("*.md"))])
def test_docs_relative_links_resolve(page: str) -> None:
    path = ROOT / page if page == "README.md" else DOCS / page
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", path.read_text(encoding="utf-8")):
        assert (path.parent / target).exists(), f"{page}: broken link {target}"


def test_docs_readme_setup_is_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^make \w+", setup, re.M)
    assert commands == ["make run", "make test"]
