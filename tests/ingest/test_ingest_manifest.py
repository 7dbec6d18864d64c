"""Manifests give bare files their outlet, URL, date and title."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ingest_samples import PAGE

from storyline.ingest import InputError, iter_articles

Write = Callable[[str, bytes | str], Path]


def test_ingest_folder_manifest_applies_automatically(write: Write, tmp_path: Path) -> None:
    write("a.txt", "Floods hit Velmar\n\nThe river rose overnight.\n")
    write("sub/b.txt", "Another report about the floods.\n")
    write(
        "manifest.csv",
        "file,source,url,published,title\n"
        "a.txt,Valley Post,https://valley.example/a,7 October 2024,\n"
        "sub/b.txt,Harbour Notes,,2024-10-08T10:00:00+02:00,Floods: more rain\n",
    )
    a, b = iter_articles([tmp_path])
    assert (a.source, a.url, a.published, a.title) == (
        "Valley Post",
        "https://valley.example/a",
        "2024-10-07",
        "Floods hit Velmar",
    )
    assert (b.source, b.published, b.title) == (
        "Harbour Notes",
        "2024-10-08T10:00:00+02:00",
        "Floods: more rain",
    )


def test_ingest_explicit_json_manifest(write: Write, tmp_path: Path) -> None:
    path = write("reports/a.txt", "A report without metadata.\n")
    manifest = write(
        "meta/m.json",
        json.dumps({"../reports/a.txt": {"source": "Valley Post", "published": "2024-10-07"}}),
    )
    [article] = iter_articles([path], manifest=manifest)
    assert (article.source, article.published) == ("Valley Post", "2024-10-07")


def test_ingest_manifest_matches_by_file_name(write: Write) -> None:
    path = write("reports/a.txt", "A report without metadata.\n")
    manifest = write("elsewhere/m.csv", "file,source\na.txt,Valley Post\n")
    [article] = iter_articles([path], manifest=manifest)
    assert article.source == "Valley Post"


def test_ingest_manifest_wins_over_page_metadata(write: Write, tmp_path: Path) -> None:
    write("page.html", PAGE)
    write("manifest.json", json.dumps([{"file": "page.html", "source": "Herald (print)"}]))
    [article] = iter_articles([tmp_path])
    assert article.source == "Herald (print)"
    assert article.author == "Olga Brenner"  # what the manifest does not say is kept


def test_ingest_manifest_fills_source_of_container_entries(write: Write, tmp_path: Path) -> None:
    write("in.jsonl", '{"text": "One."}\n{"text": "Two.", "source": "Own"}\n')
    write("manifest.csv", "file,source\nin.jsonl,Wire feed\n")
    assert [a.source for a in iter_articles([tmp_path])] == ["Wire feed", "Own"]


def test_ingest_bad_manifest_reported_and_files_still_read(write: Write, tmp_path: Path) -> None:
    write("a.txt", "A report.\n")
    write("manifest.csv", "name,source\na.txt,X\n")
    errors: list[InputError] = []
    articles = list(iter_articles([tmp_path], on_error=errors.append))
    assert len(articles) == 1 and articles[0].source is None
    [error] = errors
    assert error.path.endswith("manifest.csv") and '"file"' in error.reason


def test_ingest_manifest_bad_date_names_row(write: Write, tmp_path: Path) -> None:
    write("a.txt", "A report.\n")
    write("manifest.csv", "file,published\na.txt,someday\n")
    errors: list[InputError] = []
    list(iter_articles([tmp_path], on_error=errors.append))
    assert [e.path.rsplit(":", 1)[-1] for e in errors] == ["2"]
    assert "someday" in errors[0].reason


def test_ingest_folder_manifest_matches_exact_paths_only(write: Write, tmp_path: Path) -> None:
    write("a.txt", "Top-level report.\n")
    write("sub/a.txt", "Nested report with the same file name.\n")
    write("manifest.csv", "file,source\na.txt,Valley Post\n")
    assert [a.source for a in iter_articles([tmp_path])] == ["Valley Post", None]
